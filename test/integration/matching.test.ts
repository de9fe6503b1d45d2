import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import type { DatabaseHandle } from '../../src/storage/db';
import { delegates, meetings, organisations, outbox, users } from '../../src/storage/schema';
import { importOrganisations } from '../../src/services/import/import-organisations';
import { readSpreadsheet } from '../../src/services/import/read-spreadsheet';
import { startSession } from '../../src/services/auth/sessions';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildEvent } from '../support/factories';

const reference = path.resolve(import.meta.dirname, '../../reference/matching');
const goodPairs = parse(fs.readFileSync(path.join(reference, 'good_pairs.csv'), 'utf8'), { columns: true }) as { a_external_id: string; b_external_id: string }[];

let handle: DatabaseHandle;
let app: FastifyInstance;
let eventId: string;
let organiserToken: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
  const { event, organiser } = await buildEvent(handle.db, { maxMeetingsPerDelegate: 8 });
  eventId = event.id;
  organiserToken = organiser.token;
  const rows = await readSpreadsheet(fs.readFileSync(path.join(reference, 'organisations.csv')), 'organisations.csv');
  await importOrganisations(handle.db, organiser.actor, event.id, rows);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

/** Signs in as the (first) delegate of an organisation from the labelled set. */
async function delegateOf(externalId: string) {
  const [row] = await handle.db
    .select({ delegate: delegates, organisation: organisations })
    .from(delegates)
    .innerJoin(organisations, eq(organisations.id, delegates.organisationId))
    .where(and(eq(organisations.eventId, eventId), eq(organisations.externalId, externalId)));
  const [user] = await handle.db.select().from(users).where(eq(users.id, row!.delegate.userId!));
  const session = await startSession(handle.db, user!);
  return { token: session.token, delegate: row!.delegate, organisation: row!.organisation };
}

describe('recommendations', () => {
  it('recommend known good partners first, with reasons in the asker’s language', async () => {
    const me = await delegateOf('LS-PK-001');
    const partners = new Set(goodPairs.filter((p) => p.a_external_id === 'LS-PK-001' || p.b_external_id === 'LS-PK-001').map((p) => (p.a_external_id === 'LS-PK-001' ? p.b_external_id : p.a_external_id)));
    const response = await as(app, me.token)({ url: `/api/events/${eventId}/recommendations?k=10` });
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list).toHaveLength(10);
    const externalIds = await Promise.all(list.map(async (r: { organisation: { id: string } }) => (await handle.db.select().from(organisations).where(eq(organisations.id, r.organisation.id)))[0]!.externalId));
    expect(externalIds.some((id) => partners.has(id!))).toBe(true);
    expect(list.every((r: { organisation: { country: string } }) => r.organisation.country === 'CN')).toBe(true);
    expect(list[0].reasons.length).toBeGreaterThan(0);
    expect(typeof list[0].reasons[0].text).toBe('string');
    const inUrdu = (await as(app, me.token)({ url: `/api/events/${eventId}/recommendations?k=3&lang=ur` })).json();
    expect(inUrdu[0].reasons[0].text).toMatch(/[\u0600-\u06FF]/);
    expect(list[0].delegates[0].email).toBeUndefined();
  });

  it('reflect an edited profile at once', async () => {
    const me = await delegateOf('LS-PK-002');
    const before = (await as(app, me.token)({ url: `/api/events/${eventId}/recommendations?k=10` })).json();
    const item = await as(app, me.token)({ method: 'POST', url: `/api/organisations/${me.organisation.id}/items`, payload: { kind: 'request', title: 'DC fast chargers 60 kW for our mine fleet', hsCodes: ['850440'] } });
    expect(item.statusCode).toBe(201);
    const after = (await as(app, me.token)({ url: `/api/events/${eventId}/recommendations?k=10` })).json();
    const ids = (list: { organisation: { id: string } }[]) => list.map((r) => r.organisation.id).join(',');
    expect(ids(after)).not.toBe(ids(before));
    expect(after.some((r: { reasons: { text: string }[] }) => r.reasons.some((x) => /charg/i.test(x.text)))).toBe(true);
  });

  it('are for delegates of the event; organisers may ask for any organisation', async () => {
    expect((await as(app, null)({ url: `/api/events/${eventId}/recommendations` })).statusCode).toBe(401);
    const [org] = await handle.db.select().from(organisations).where(eq(organisations.externalId, 'LS-CN-001'));
    const forOrg = await as(app, organiserToken)({ url: `/api/events/${eventId}/recommendations?organisationId=${org!.id}&k=5` });
    expect(forOrg.statusCode).toBe(200);
    expect(forOrg.json().every((r: { organisation: { country: string } }) => r.organisation.country === 'PK')).toBe(true);
    const other = await delegateOf('LS-PK-003');
    expect((await as(app, other.token)({ url: `/api/events/${eventId}/recommendations?organisationId=${org!.id}` })).statusCode).toBe(403);
    const allocation = (await as(app, organiserToken)({ url: `/api/events/${eventId}/matching/allocation?k=5` })).json();
    expect(allocation.coverage).toBeGreaterThan(0.5);
    expect(allocation.mostExposed[0].suggestedTo).toBeLessThanOrEqual(allocation.mostExposed[0].cap);
  });
});

describe('suggested meetings (double opt-in)', () => {
  it('become meetings only when both sides accept, and are not suggested twice', async () => {
    const sent = await as(app, organiserToken)({ method: 'POST', url: `/api/events/${eventId}/suggested-meetings`, payload: { k: 3, limit: 4 } });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().created).toBe(4);
    const mails = await handle.db.select().from(outbox).where(eq(outbox.kind, 'meeting-suggested'));
    expect(mails).toHaveLength(8);

    const all = (await as(app, organiserToken)({ url: `/api/events/${eventId}/meeting-requests?status=pending` })).json().filter((r: { kind: string }) => r.kind === 'suggested');
    expect(all).toHaveLength(4);
    const [first, second] = all;
    const sideA = await delegateOf((await handle.db.select().from(organisations).where(eq(organisations.id, first.from.organisationId)))[0]!.externalId!);
    const sideB = await delegateOf((await handle.db.select().from(organisations).where(eq(organisations.id, first.to.organisationId)))[0]!.externalId!);
    const inboxA = (await as(app, sideA.token)({ url: `/api/events/${eventId}/meeting-requests?box=incoming` })).json();
    expect(inboxA.map((r: { id: string }) => r.id)).toContain(first.id);

    const half = (await as(app, sideA.token)({ method: 'POST', url: `/api/meeting-requests/${first.id}/accept` })).json();
    expect(half).toMatchObject({ status: 'pending', fromResponse: 'accepted' });
    expect(await handle.db.select().from(meetings).where(eq(meetings.requestId, first.id))).toHaveLength(0);
    const both = (await as(app, sideB.token)({ method: 'POST', url: `/api/meeting-requests/${first.id}/accept` })).json();
    expect(both.status).toBe('accepted');
    expect(await handle.db.select().from(meetings).where(eq(meetings.requestId, first.id))).toHaveLength(1);

    const declineSide = await delegateOf((await handle.db.select().from(organisations).where(eq(organisations.id, second.to.organisationId)))[0]!.externalId!);
    expect((await as(app, declineSide.token)({ method: 'POST', url: `/api/meeting-requests/${second.id}/decline` })).json().status).toBe('declined');

    const again = (await as(app, organiserToken)({ method: 'POST', url: `/api/events/${eventId}/suggested-meetings`, payload: { k: 3, limit: 4 } })).json();
    const pendingNow = (await as(app, organiserToken)({ url: `/api/events/${eventId}/meeting-requests?status=pending` })).json().filter((r: { kind: string }) => r.kind === 'suggested');
    const pairKey = (r: { from: { organisationId: string }; to: { organisationId: string } }) => [r.from.organisationId, r.to.organisationId].sort().join('|');
    expect(new Set(pendingNow.map(pairKey)).size).toBe(pendingNow.length);
    expect(pendingNow.map(pairKey)).not.toContain(pairKey(first));
    expect(again.created).toBeGreaterThan(0);
  });
});
