import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildDelegate, buildEvent } from '../support/factories';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('what a delegate may see and change', () => {
  it('edits their own organisation but not another one', async () => {
    const { event } = await buildEvent(handle.db);
    const mine = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const theirs = await buildDelegate(handle.db, event.id, { country: 'CN' });
    const own = await as(app, mine.token)({ method: 'PATCH', url: `/api/organisations/${mine.organisation.id}`, payload: { description: 'We assemble 48V e-rickshaw packs.' } });
    expect(own.statusCode).toBe(200);
    const other = await as(app, mine.token)({ method: 'PATCH', url: `/api/organisations/${theirs.organisation.id}`, payload: { description: 'hijacked' } });
    expect(other.statusCode).toBe(403);
    const profile = (await as(app, mine.token)({ url: `/api/organisations/${theirs.organisation.id}` })).json();
    expect(profile.description).not.toBe('hijacked');
  });

  it('changes only their own delegate record and sees other delegates without e-mail', async () => {
    const { event } = await buildEvent(handle.db);
    const mine = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const theirs = await buildDelegate(handle.db, event.id, { country: 'CN' });
    expect((await as(app, mine.token)({ method: 'PATCH', url: `/api/delegates/${theirs.delegate.id}`, payload: { jobTitle: 'CEO' } })).statusCode).toBe(403);
    expect((await as(app, mine.token)({ method: 'PATCH', url: `/api/delegates/${mine.delegate.id}`, payload: { jobTitle: 'CEO' } })).json().jobTitle).toBe('CEO');
    const seen = (await as(app, mine.token)({ url: `/api/delegates/${theirs.delegate.id}` })).json();
    expect(seen.email).toBeUndefined();
    expect((await as(app, mine.token)({ url: `/api/delegates/${mine.delegate.id}` })).json().email).toBe(mine.email);
  });

  it('cannot reply to a request addressed to someone else, nor read it', async () => {
    const { event } = await buildEvent(handle.db);
    const pk = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const cn = await buildDelegate(handle.db, event.id, { country: 'CN' });
    const outsider = await buildDelegate(handle.db, event.id, { country: 'CN' });
    const sent = (await as(app, pk.token)({ method: 'POST', url: `/api/events/${event.id}/meeting-requests`, payload: { toDelegateId: cn.delegate.id } })).json();
    for (const action of ['accept', 'decline', 'cancel']) {
      const response = await as(app, outsider.token)({ method: 'POST', url: `/api/meeting-requests/${sent.id}/${action}` });
      expect(response.statusCode, action).toBe(403);
    }
    expect((await as(app, outsider.token)({ url: `/api/meeting-requests/${sent.id}` })).statusCode).toBe(403);
    // The requester cannot accept their own request either.
    expect((await as(app, pk.token)({ method: 'POST', url: `/api/meeting-requests/${sent.id}/accept` })).statusCode).toBe(403);
    const outsiderList = (await as(app, outsider.token)({ url: `/api/events/${event.id}/meeting-requests` })).json();
    expect(outsiderList).toHaveLength(0);
  });

  it('cannot post items for, or add people to, another organisation', async () => {
    const { event } = await buildEvent(handle.db);
    const mine = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const theirs = await buildDelegate(handle.db, event.id, { country: 'CN' });
    const item = { kind: 'offer', title: 'LFP cells' };
    expect((await as(app, mine.token)({ method: 'POST', url: `/api/organisations/${theirs.organisation.id}/items`, payload: item })).statusCode).toBe(403);
    const posted = await as(app, mine.token)({ method: 'POST', url: `/api/organisations/${mine.organisation.id}/items`, payload: { ...item, hsCodes: ['8507.60'] } });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().hsCodes).toEqual(['850760']);
    const page = (await as(app, theirs.token)({ url: `/api/organisations/${mine.organisation.id}` })).json();
    expect(page.items).toEqual([expect.objectContaining({ id: posted.json().id, kind: 'offer', title: 'LFP cells', hsCodes: ['850760'] })]);
    expect(page.delegates).toEqual([expect.objectContaining({ id: mine.delegate.id })]);
    expect(page.delegates[0].email).toBeUndefined();
    const anonymous = (await as(app, null)({ url: `/api/organisations/${mine.organisation.id}` })).json();
    expect(anonymous.items).toHaveLength(1);
    expect(anonymous.delegates).toEqual([]);
    expect((await as(app, theirs.token)({ method: 'DELETE', url: `/api/items/${posted.json().id}` })).statusCode).toBe(403);
    const person = { firstName: 'Li', lastName: 'Wei', email: 'li.wei@test.example' };
    expect((await as(app, mine.token)({ method: 'POST', url: `/api/organisations/${theirs.organisation.id}/delegates`, payload: person })).statusCode).toBe(403);
  });

  it('rejects codes that are not in the HS and ISIC tables, naming the field', async () => {
    const { event } = await buildEvent(handle.db);
    const mine = await buildDelegate(handle.db, event.id);
    const response = await as(app, mine.token)({ method: 'PATCH', url: `/api/organisations/${mine.organisation.id}`, payload: { hsCodes: ['850799'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', field: 'hsCodes' });
  });
});

describe('organisers', () => {
  it('manage their own event only', async () => {
    const first = await buildEvent(handle.db);
    const second = await buildEvent(handle.db);
    expect((await as(app, first.organiser.token)({ method: 'PATCH', url: `/api/events/${first.event.id}`, payload: { maxMeetingsPerDelegate: 10 } })).statusCode).toBe(200);
    expect((await as(app, second.organiser.token)({ method: 'PATCH', url: `/api/events/${first.event.id}`, payload: { maxMeetingsPerDelegate: 99 } })).statusCode).toBe(403);
    expect((await as(app, second.organiser.token)({ url: `/api/events/${first.event.id}/delegates` })).statusCode).toBe(403);
    expect((await as(app, first.organiser.token)({ url: `/api/events/${first.event.id}/delegates` })).statusCode).toBe(200);
  });

  it('anonymous visitors read the public directory but change nothing', async () => {
    const { event } = await buildEvent(handle.db);
    const mine = await buildDelegate(handle.db, event.id);
    expect((await as(app, null)({ url: `/api/events/${event.id}/organisations` })).statusCode).toBe(200);
    expect((await as(app, null)({ method: 'PATCH', url: `/api/organisations/${mine.organisation.id}`, payload: { name: 'x' } })).statusCode).toBe(401);
    expect((await as(app, null)({ url: `/api/events/${event.id}/meetings` })).statusCode).toBe(401);
  });

  it('set up slots and tables in bulk, and overlapping slots are refused', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const slots = [
      { startsAt: '2026-03-10T04:00:00Z', endsAt: '2026-03-10T04:20:00Z', session: 'morning' },
      { startsAt: '2026-03-10T04:20:00Z', endsAt: '2026-03-10T04:40:00Z', session: 'morning' },
    ];
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/slots`, payload: { slots } })).statusCode).toBe(201);
    const overlap = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/slots`, payload: { slots: [{ startsAt: '2026-03-10T05:00:00Z', endsAt: '2026-03-10T05:30:00Z' }, { startsAt: '2026-03-10T05:10:00Z', endsAt: '2026-03-10T05:40:00Z' }] } });
    expect(overlap.statusCode).toBe(400);
    const tables = Array.from({ length: 30 }, (_, i) => ({ name: `T${i + 1}` }));
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/tables`, payload: { tables } })).statusCode).toBe(201);
    expect((await as(app, null)({ url: `/api/events/${event.id}/tables` })).json()).toHaveLength(30);
  });
});
