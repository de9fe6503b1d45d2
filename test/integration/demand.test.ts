import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { meetingRequests } from '../../src/storage/schema';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildDelegate, buildEvent, buildUser } from '../support/factories';

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

/**
 * A forum in Karachi time with five requests over three days and one suggested meeting:
 * sectors are ISIC divisions 27 (batteries), 29 (vehicles), 35 (power) and one organisation without a code.
 */
async function seededForum() {
  const { event, organiser } = await buildEvent(handle.db, { timeZone: 'Asia/Karachi' });
  const pkCells = await buildDelegate(handle.db, event.id, { name: 'A Lahore Cells', country: 'PK', isicCodes: ['2720'] });
  const pkRickshaw = await buildDelegate(handle.db, event.id, { name: 'B Sialkot Rickshaw', country: 'PK', isicCodes: ['2910', '2720'] });
  const cnCathode = await buildDelegate(handle.db, event.id, { name: 'C Ningbo Cathode', country: 'CN', isicCodes: ['2720'] });
  const cnGrid = await buildDelegate(handle.db, event.id, { name: 'D Xi’an Grid', country: 'CN', isicCodes: ['3510'] });
  const cnTrading = await buildDelegate(handle.db, event.id, { name: 'E Yiwu Trading', country: 'CN', isicCodes: [] });
  const cnFarm = await buildDelegate(handle.db, event.id, { name: 'F Hainan Farms', country: 'CN', isicCodes: ['0111'] });
  const request = (from: { delegate: { id: string } }, to: { delegate: { id: string } }, values: Partial<typeof meetingRequests.$inferInsert>) => ({
    eventId: event.id,
    fromDelegateId: from.delegate.id,
    toDelegateId: to.delegate.id,
    ...values,
  });
  await handle.db.insert(meetingRequests).values([
    request(pkCells, cnCathode, { status: 'accepted', createdAt: new Date('2026-03-01T10:00:00Z'), respondedAt: new Date('2026-03-02T10:00:00Z') }),
    // 20:00 UTC is 01:00 the next day in Karachi: it counts for 2 March.
    request(pkRickshaw, cnCathode, { status: 'pending', createdAt: new Date('2026-03-01T20:00:00Z') }),
    request(pkCells, cnGrid, { status: 'declined', createdAt: new Date('2026-03-02T05:00:00Z'), respondedAt: new Date('2026-03-02T07:00:00Z') }),
    request(cnGrid, pkCells, { status: 'accepted', createdAt: new Date('2026-03-02T06:00:00Z'), respondedAt: new Date('2026-03-03T04:00:00Z') }),
    request(pkRickshaw, cnTrading, { status: 'cancelled', createdAt: new Date('2026-03-03T04:00:00Z') }),
    request(pkRickshaw, cnGrid, { kind: 'suggested', status: 'pending', createdAt: new Date('2026-03-03T05:00:00Z') }),
  ]);
  return { event, organiser, pkCells, pkRickshaw, cnCathode, cnGrid, cnTrading, cnFarm };
}

describe('the demand dashboard', () => {
  it('counts requests and acceptances by sector, country, organisation and day as seeded', async () => {
    const { event, organiser, pkCells, pkRickshaw, cnCathode, cnGrid, cnTrading, cnFarm } = await seededForum();
    const response = await as(app, organiser.token)({ url: `/api/events/${event.id}/demand` });
    expect(response.statusCode).toBe(200);
    const demand = response.json();

    expect(demand.totals).toEqual({ requests: 5, suggested: 1, accepted: 2, declined: 1, pending: 2, cancelled: 1, organisations: 6 });

    const sector = (code: string) => demand.bySector.find((row: { code: string }) => row.code === code);
    expect(sector('27')).toEqual({ code: '27', name: 'Manufacture of electrical equipment', requestsSent: 2, acceptedSent: 1, requestsReceived: 3, acceptedReceived: 2 });
    // The first code is the primary one: the rickshaw maker is a vehicle maker (29) that also lists batteries.
    expect(sector('29')).toMatchObject({ requestsSent: 2, acceptedSent: 0, requestsReceived: 0, acceptedReceived: 0 });
    expect(sector('35')).toMatchObject({ requestsSent: 1, acceptedSent: 1, requestsReceived: 1, acceptedReceived: 0 });
    expect(sector('')).toMatchObject({ name: null, requestsSent: 0, requestsReceived: 1 });
    expect(demand.bySector).toHaveLength(4);

    expect(demand.byCountry).toEqual([
      { country: 'CN', requestsSent: 1, acceptedSent: 1, requestsReceived: 4, acceptedReceived: 1 },
      { country: 'PK', requestsSent: 4, acceptedSent: 1, requestsReceived: 1, acceptedReceived: 1 },
    ]);

    expect(demand.mostRequested.map((row: { organisationId: string; requests: number; accepted: number }) => [row.organisationId, row.requests, row.accepted])).toEqual([
      [cnCathode.organisation.id, 2, 1],
      [pkCells.organisation.id, 1, 1],
      [cnGrid.organisation.id, 1, 0],
      [cnTrading.organisation.id, 1, 0],
    ]);

    // The suggested meeting is the organisers' idea, not demand: the rickshaw maker still has no request.
    expect(demand.withoutRequests.count).toBe(2);
    expect(demand.withoutRequests.organisations.map((o: { id: string }) => o.id)).toEqual([pkRickshaw.organisation.id, cnFarm.organisation.id]);
    expect(demand.withoutRequests.organisations[1]).toMatchObject({ country: 'CN', sector: '01' });

    expect(demand.perDay).toEqual([
      { day: '2026-03-01', requests: 1, accepted: 0 },
      { day: '2026-03-02', requests: 3, accepted: 1 },
      { day: '2026-03-03', requests: 1, accepted: 1 },
    ]);
  });

  it('is for the event’s organisers only', async () => {
    const { event, pkCells } = await seededForum();
    const delegate = await as(app, pkCells.token)({ url: `/api/events/${event.id}/demand` });
    expect(delegate.statusCode).toBe(403);
    const otherOrganiser = await buildUser(handle.db, 'organiser');
    expect((await as(app, otherOrganiser.token)({ url: `/api/events/${event.id}/demand` })).statusCode).toBe(403);
    expect((await as(app, null)({ url: `/api/events/${event.id}/demand` })).statusCode).toBe(401);
  });

  it('answers with zeros for an event without requests', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const demand = (await as(app, organiser.token)({ url: `/api/events/${event.id}/demand` })).json();
    expect(demand.totals).toEqual({ requests: 0, suggested: 0, accepted: 0, declined: 0, pending: 0, cancelled: 0, organisations: 0 });
    expect(demand.perDay).toEqual([]);
    expect(demand.mostRequested).toEqual([]);
  });
});
