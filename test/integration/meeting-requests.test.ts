import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { events, meetings, outbox } from '../../src/storage/schema';
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

async function forum(overrides: Partial<typeof events.$inferInsert> = {}) {
  const { event, organiser } = await buildEvent(handle.db, overrides);
  const pk = await buildDelegate(handle.db, event.id, { country: 'PK' });
  const cn = await buildDelegate(handle.db, event.id, { country: 'CN' });
  return { event, organiser, pk, cn };
}

const request = (token: string, eventId: string, toDelegateId: string, message = 'Shall we meet?') =>
  (appInstance: FastifyInstance) => as(appInstance, token)({ method: 'POST', url: `/api/events/${eventId}/meeting-requests`, payload: { toDelegateId, message } });

describe('meeting requests', () => {
  it('goes from request to accepted meeting and tells the requester by e-mail', async () => {
    const { event, pk, cn } = await forum();
    const sent = await request(pk.token, event.id, cn.delegate.id)(app);
    expect(sent.statusCode).toBe(201);
    expect(sent.json().status).toBe('pending');
    const inbox = (await as(app, cn.token)({ url: `/api/events/${event.id}/meeting-requests?box=incoming` })).json();
    expect(inbox).toHaveLength(1);
    expect(inbox[0].from.id).toBe(pk.delegate.id);

    const accepted = await as(app, cn.token)({ method: 'POST', url: `/api/meeting-requests/${sent.json().id}/accept` });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const rows = await handle.db.select().from(meetings).where(eq(meetings.requestId, sent.json().id));
    expect(rows).toHaveLength(1);
    const agenda = (await as(app, pk.token)({ url: `/api/events/${event.id}/meetings` })).json();
    expect(agenda.map((m: { requestId: string }) => m.requestId)).toEqual([sent.json().id]);

    const mails = await handle.db.select().from(outbox);
    expect(mails.some((m) => m.toAddress === cn.email && m.kind === 'meeting-requested')).toBe(true);
    expect(mails.some((m) => m.toAddress === pk.email && m.kind === 'meeting-accepted')).toBe(true);
  });

  it('refuses a second live request between the same two delegates, in either direction', async () => {
    const { event, pk, cn } = await forum();
    expect((await request(pk.token, event.id, cn.delegate.id)(app)).statusCode).toBe(201);
    const again = await request(pk.token, event.id, cn.delegate.id)(app);
    expect(again.statusCode).toBe(409);
    const reverse = await request(cn.token, event.id, pk.delegate.id)(app);
    expect(reverse.statusCode).toBe(409);
    expect(reverse.json().error.field).toBe('toDelegateId');
  });

  it('allows a new request after the earlier one was declined', async () => {
    const { event, pk, cn } = await forum();
    const first = (await request(pk.token, event.id, cn.delegate.id)(app)).json();
    await as(app, cn.token)({ method: 'POST', url: `/api/meeting-requests/${first.id}/decline` });
    expect((await request(pk.token, event.id, cn.delegate.id)(app)).statusCode).toBe(201);
  });

  it('refuses a request to oneself and to a colleague', async () => {
    const { event, pk } = await forum();
    const self = await request(pk.token, event.id, pk.delegate.id)(app);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toMatch(/yourself/);
  });

  it('applies the cross-border rule', async () => {
    const { event, pk } = await forum();
    const otherPk = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const response = await request(pk.token, event.id, otherPk.delegate.id)(app);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('RULE_VIOLATED');
  });

  it('respects the organiser’s limit on pending requests and on meetings per delegate', async () => {
    const { event, pk } = await forum({ maxPendingRequestsPerDelegate: 2, maxMeetingsPerDelegate: 1 });
    const partners = await Promise.all([1, 2, 3].map(() => buildDelegate(handle.db, event.id, { country: 'CN' })));
    const first = (await request(pk.token, event.id, partners[0]!.delegate.id)(app)).json();
    expect((await request(pk.token, event.id, partners[1]!.delegate.id)(app)).statusCode).toBe(201);
    const third = await request(pk.token, event.id, partners[2]!.delegate.id)(app);
    expect(third.statusCode).toBe(422);
    expect(third.json().error.code).toBe('LIMIT_REACHED');

    expect((await as(app, partners[0]!.token)({ method: 'POST', url: `/api/meeting-requests/${first.id}/accept` })).statusCode).toBe(200);
    const pending = (await as(app, pk.token)({ url: `/api/events/${event.id}/meeting-requests?box=outgoing&status=pending` })).json();
    const full = await as(app, partners[1]!.token)({ method: 'POST', url: `/api/meeting-requests/${pending[0].id}/accept` });
    expect(full.statusCode).toBe(422);
    expect(full.json().error.message).toMatch(/agenda is already full/);
  });

  it('refuses requests after the deadline', async () => {
    const { event, pk, cn } = await forum({ requestDeadline: new Date(Date.now() - 1000) });
    const response = await request(pk.token, event.id, cn.delegate.id)(app);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('DEADLINE_PASSED');
  });

  it('lets either side cancel an accepted meeting, which cancels the meeting too', async () => {
    const { event, pk, cn } = await forum();
    const sent = (await request(pk.token, event.id, cn.delegate.id)(app)).json();
    await as(app, cn.token)({ method: 'POST', url: `/api/meeting-requests/${sent.id}/accept` });
    const cancelled = await as(app, cn.token)({ method: 'POST', url: `/api/meeting-requests/${sent.id}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.requestId, sent.id));
    expect(meeting!.status).toBe('cancelled');
    const again = await as(app, pk.token)({ method: 'POST', url: `/api/meeting-requests/${sent.id}/cancel` });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the limit when two acceptances race', async () => {
    const { event, pk } = await forum({ maxMeetingsPerDelegate: 1 });
    const a = await buildDelegate(handle.db, event.id, { country: 'CN' });
    const b = await buildDelegate(handle.db, event.id, { country: 'CN' });
    const toA = (await request(pk.token, event.id, a.delegate.id)(app)).json();
    const toB = (await request(pk.token, event.id, b.delegate.id)(app)).json();
    const results = await Promise.all([
      as(app, a.token)({ method: 'POST', url: `/api/meeting-requests/${toA.id}/accept` }),
      as(app, b.token)({ method: 'POST', url: `/api/meeting-requests/${toB.id}/accept` }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
  });
});
