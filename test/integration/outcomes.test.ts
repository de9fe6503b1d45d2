import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { delegates, meetingOutcomes, meetings, outbox, timeSlots } from '../../src/storage/schema';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildUser } from '../support/factories';

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
 * A forum held on 10 March 2026 with four meetings that have taken place (three in slots, one never
 * placed) and one placed in a slot tomorrow.
 */
async function pastForum() {
  const { event, organiser } = await buildEvent(handle.db, { days: ['2026-03-10'] });
  const pkCells = await buildDelegate(handle.db, event.id, { name: 'Lahore Cells', country: 'PK', isicCodes: ['2720'] });
  const pkRickshaw = await buildDelegate(handle.db, event.id, { name: 'Sialkot Rickshaw', country: 'PK', isicCodes: ['2910'] });
  const cnCathode = await buildDelegate(handle.db, event.id, { name: 'Ningbo Cathode', country: 'CN', isicCodes: ['2720'] });
  const cnGrid = await buildDelegate(handle.db, event.id, { name: 'Xi’an Grid', country: 'CN', isicCodes: ['3510'] });
  const cnFarm = await buildDelegate(handle.db, event.id, { name: 'Hainan Farms', country: 'CN', isicCodes: ['0111'] });
  const slots = await buildSlots(handle.db, event.id, 3);
  const tomorrow = Date.now() + 86_400_000;
  const [futureSlot] = await handle.db.insert(timeSlots).values({ eventId: event.id, startsAt: new Date(tomorrow), endsAt: new Date(tomorrow + 1_200_000) }).returning();
  const meet = async (a: { delegate: { id: string } }, b: { delegate: { id: string } }, slotId: string | null) => {
    const { meeting } = await buildAcceptedMeeting(handle.db, event.id, a.delegate.id, b.delegate.id);
    if (slotId) await handle.db.update(meetings).set({ slotId }).where(eq(meetings.id, meeting.id));
    return meeting.id;
  };
  const cellsCathode = await meet(pkCells, cnCathode, slots[0]!.id);
  const cellsGrid = await meet(pkCells, cnGrid, slots[1]!.id);
  const rickshawCathode = await meet(pkRickshaw, cnCathode, slots[2]!.id);
  const rickshawGrid = await meet(pkRickshaw, cnGrid, null);
  const cellsFarmTomorrow = await meet(pkCells, cnFarm, futureSlot!.id);
  return { event, organiser, pkCells, pkRickshaw, cnCathode, cnGrid, cnFarm, cellsCathode, cellsGrid, rickshawCathode, rickshawGrid, cellsFarmTomorrow };
}

const report = (token: string, meetingId: string, payload: object) => as(app, token)({ method: 'PUT', url: `/api/meetings/${meetingId}/outcome`, payload });

describe('the outcome survey', () => {
  it('a delegate reports for their own organisation, and reporting again replaces the report', async () => {
    const forum = await pastForum();
    const first = await report(forum.pkCells.token, forum.cellsCathode, { attendance: 'held', dealType: 'supply', estimatedValueUsd: 120_000, comment: 'LFP cells for 400 rickshaws' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ organisationId: forum.pkCells.organisation.id, attendance: 'held', dealType: 'supply', estimatedValueUsd: 120_000 });

    // A colleague from the same organisation corrects it.
    const colleague = await buildUser(handle.db);
    await handle.db
      .insert(delegates)
      .values({ eventId: forum.event.id, organisationId: forum.pkCells.organisation.id, userId: colleague.userId, firstName: 'Sana', lastName: 'Iqbal', email: colleague.email });
    const second = await report(colleague.token, forum.cellsCathode, { attendance: 'held', dealType: 'supply', estimatedValueUsd: 150_000 });
    expect(second.statusCode).toBe(200);
    const stored = await handle.db.select().from(meetingOutcomes).where(eq(meetingOutcomes.meetingId, forum.cellsCathode));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organisationId: forum.pkCells.organisation.id, estimatedValueUsd: 150_000, comment: '', reportedBy: colleague.userId });

    const mine = (await as(app, forum.cnCathode.token)({ url: `/api/events/${forum.event.id}/outcomes/mine` })).json();
    expect(mine.map((m: { meetingId: string }) => m.meetingId)).toEqual([forum.cellsCathode, forum.rickshawCathode]);
    expect(mine[0]).toMatchObject({ open: true, outcome: null, otherSideReported: true, counterpart: { organisationId: forum.pkCells.organisation.id } });
    expect(mine[1]).toMatchObject({ otherSideReported: false });
  });

  it('refuses outsiders, reports for the other organisation, meetings not yet started and bad values', async () => {
    const forum = await pastForum();
    // The farm is in none of these meetings.
    expect((await report(forum.cnFarm.token, forum.cellsCathode, { attendance: 'held' })).statusCode).toBe(403);
    // Lahore Cells cannot speak for Ningbo Cathode.
    const forOther = await report(forum.pkCells.token, forum.cellsCathode, { attendance: 'no_show', organisationId: forum.cnCathode.organisation.id });
    expect(forOther.statusCode).toBe(403);
    expect(await handle.db.select().from(meetingOutcomes).where(eq(meetingOutcomes.meetingId, forum.cellsCathode))).toEqual([]);
    // Nor can an organiser report for a delegate.
    expect((await report(forum.organiser.token, forum.cellsCathode, { attendance: 'held' })).statusCode).toBe(403);

    const early = await report(forum.pkCells.token, forum.cellsFarmTomorrow, { attendance: 'held' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toMatch(/once the meeting has started/);
    const mine = (await as(app, forum.pkCells.token)({ url: `/api/events/${forum.event.id}/outcomes/mine` })).json();
    expect(mine.find((m: { meetingId: string }) => m.meetingId === forum.cellsFarmTomorrow)).toMatchObject({ open: false });

    const negative = await report(forum.pkCells.token, forum.cellsCathode, { attendance: 'held', dealType: 'supply', estimatedValueUsd: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.field).toBe('estimatedValueUsd');
    const long = await report(forum.pkCells.token, forum.cellsCathode, { attendance: 'held', comment: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.field).toBe('comment');
    const dealWithoutMeeting = await report(forum.pkCells.token, forum.cellsCathode, { attendance: 'no_show', dealType: 'supply' });
    expect(dealWithoutMeeting.statusCode).toBe(400);
    expect(dealWithoutMeeting.json().error.field).toBe('dealType');
    const unknown = await report(forum.pkCells.token, '00000000-0000-4000-8000-000000000000', { attendance: 'held' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the outcomes report', () => {
  it('adds up the seeded accounts, counts the meeting whose sides disagree, and is for organisers only', async () => {
    const forum = await pastForum();
    const accounts: [string, string, object][] = [
      [forum.pkCells.token, forum.cellsCathode, { attendance: 'held', dealType: 'supply', estimatedValueUsd: 100_000, comment: '=HYPERLINK("x")' }],
      [forum.cnCathode.token, forum.cellsCathode, { attendance: 'held', dealType: 'supply', estimatedValueUsd: 300_000 }],
      [forum.pkCells.token, forum.cellsGrid, { attendance: 'held', dealType: 'follow_up' }],
      [forum.cnGrid.token, forum.cellsGrid, { attendance: 'no_show' }],
      [forum.cnCathode.token, forum.rickshawCathode, { attendance: 'held', dealType: 'joint_venture', estimatedValueUsd: 50_000 }],
    ];
    for (const [token, meetingId, payload] of accounts) expect((await report(token, meetingId, payload)).statusCode).toBe(200);

    const response = await as(app, forum.organiser.token)({ url: `/api/events/${forum.event.id}/outcomes/report` });
    expect(response.statusCode).toBe(200);
    const figures = response.json();
    // Four meetings have taken place (tomorrow's is not due); five of their eight accounts are in.
    expect(figures).toMatchObject({ meetings: 4, meetingsReported: 3, accountsReported: 5, responseRate: 5 / 8, bothReported: 2 });
    expect(figures.accounts).toEqual({ held: 4, noShow: 1, cancelled: 0 });
    expect(figures.attendance).toEqual({ held: 2, noShow: 0, cancelled: 0, disagreed: 1, unreported: 1 });
    expect(figures.disagreements).toEqual([
      expect.objectContaining({
        meetingId: forum.cellsGrid,
        a: { organisationId: forum.pkCells.organisation.id, name: 'Lahore Cells', attendance: 'held' },
        b: { organisationId: forum.cnGrid.organisation.id, name: 'Xi’an Grid', attendance: 'no_show' },
      }),
    ]);
    expect(figures.meetingsWithDeal).toBe(2);
    expect(figures.dealTypes).toEqual([
      { dealType: 'follow_up', meetings: 1 },
      { dealType: 'joint_venture', meetings: 1 },
      { dealType: 'supply', meetings: 1 },
    ]);
    // Both sides valued the cathode deal (100k and 300k): it counts once, at their mean.
    expect(figures.value).toEqual({ meetings: 2, totalUsd: 250_000, medianUsd: 125_000 });
    expect(figures.countryPairs).toEqual([{ first: 'CN', second: 'PK', meetings: 4, reported: 3, held: 2, deals: 2, valueUsd: 250_000 }]);
    const pair = (first: string, second: string) => figures.sectorPairs.find((p: { first: string; second: string }) => p.first === first && p.second === second);
    expect(pair('27', '27')).toMatchObject({ meetings: 1, held: 1, deals: 1, valueUsd: 200_000, firstName: 'Manufacture of electrical equipment' });
    expect(pair('27', '35')).toMatchObject({ meetings: 1, held: 0, deals: 0 });
    expect(pair('27', '29')).toMatchObject({ meetings: 1, held: 1, deals: 1, valueUsd: 50_000 });
    expect(pair('29', '35')).toMatchObject({ meetings: 1, reported: 0 });

    const csv = await as(app, forum.organiser.token)({ url: `/api/events/${forum.event.id}/outcomes/report.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('a_attendance');
    expect(lines.find((line) => line.startsWith(forum.cellsGrid))).toContain('disagreed');
    // A comment that looks like a formula stays text in a spreadsheet.
    expect(csv.body).toContain(`'=HYPERLINK`);
    const xlsx = await as(app, forum.organiser.token)({ url: `/api/events/${forum.event.id}/outcomes/report.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    for (const url of ['report', 'report.csv']) {
      expect((await as(app, forum.pkCells.token)({ url: `/api/events/${forum.event.id}/outcomes/${url}` })).statusCode).toBe(403);
    }
  });
});

describe('inviting delegates to report', () => {
  it('e-mails each delegate whose meetings have started, in their language, and only organisers may', async () => {
    const forum = await pastForum();
    await handle.db.update(delegates).set({ language: 'zh' }).where(eq(delegates.id, forum.cnGrid.delegate.id));
    expect((await as(app, forum.pkCells.token)({ method: 'POST', url: `/api/events/${forum.event.id}/outcomes/invite` })).statusCode).toBe(403);

    const sent = await as(app, forum.organiser.token)({ method: 'POST', url: `/api/events/${forum.event.id}/outcomes/invite` });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ invited: 4 });
    const everyone = [forum.pkCells, forum.pkRickshaw, forum.cnCathode, forum.cnGrid, forum.cnFarm].map((p) => p.email);
    const mails = await handle.db.select().from(outbox).where(and(eq(outbox.kind, 'outcome-survey'), inArray(outbox.toAddress, everyone)));
    // The farm's only meeting is tomorrow: nothing to report yet.
    expect(mails.map((m) => m.toAddress).sort()).toEqual([forum.pkCells.email, forum.pkRickshaw.email, forum.cnCathode.email, forum.cnGrid.email].sort());
    const chinese = mails.find((m) => m.toAddress === forum.cnGrid.email)!;
    expect(chinese.subject).toBe('您在Test Forum的会谈进展如何？');
    expect(chinese.textBody).toContain(`http://corridor.test/events/${forum.event.id}/outcomes`);
    expect(mails.find((m) => m.toAddress === forum.pkCells.email)!.textBody).toContain('your 2 meeting(s)');
  });

  it('refuses while no meeting has started', async () => {
    const { event, organiser } = await buildEvent(handle.db, { days: ['2099-03-10'] });
    const pk = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const cn = await buildDelegate(handle.db, event.id, { country: 'CN' });
    await buildAcceptedMeeting(handle.db, event.id, pk.delegate.id, cn.delegate.id);
    const early = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/outcomes/invite` });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('RULE_VIOLATED');
  });
});
