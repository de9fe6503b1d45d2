import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { jobs, meetingRequests, meetings, outbox, timeSlots } from '../../src/storage/schema';
import { claimJob, runJob } from '../../src/jobs/job-runner';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildTables } from '../support/factories';

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

/** Runs queued jobs the way a worker would, without waiting for a poll interval. */
async function runQueuedJobs() {
  for (;;) {
    const job = await claimJob(handle.db, Object.keys(JOB_HANDLERS));
    if (!job) return;
    await runJob(handle.db, job, JOB_HANDLERS[job.kind]!);
  }
}

async function smallForum() {
  const { event, organiser } = await buildEvent(handle.db);
  const slots = await buildSlots(handle.db, event.id, 7, [3]);
  await buildTables(handle.db, event.id, 3);
  const pk = await Promise.all([0, 1, 2].map(() => buildDelegate(handle.db, event.id, { country: 'PK' })));
  const cn = await Promise.all([0, 1, 2].map(() => buildDelegate(handle.db, event.id, { country: 'CN' })));
  const pairs: [number, number][] = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [2, 0], [2, 2], [1, 2]];
  const accepted = [];
  for (const [i, j] of pairs) accepted.push(await buildAcceptedMeeting(handle.db, event.id, pk[i]!.delegate.id, cn[j]!.delegate.id));
  return { event, organiser, slots, pk, cn, accepted };
}

async function placedMeetings(eventId: string) {
  return handle.db
    .select({ id: meetings.id, slotId: meetings.slotId, tableId: meetings.tableId, a: meetingRequests.fromDelegateId, b: meetingRequests.toDelegateId })
    .from(meetings)
    .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
    .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled')));
}

function expectNoDoubleBooking(rows: Awaited<ReturnType<typeof placedMeetings>>) {
  const seen = new Set<string>();
  for (const m of rows.filter((r) => r.slotId)) {
    for (const key of [`${m.a}@${m.slotId}`, `${m.b}@${m.slotId}`, `table ${m.tableId}@${m.slotId}`]) {
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  }
}

describe('building and publishing a schedule', () => {
  it('places every accepted meeting outside breaks, beats or equals first-come-first-served, and tells delegates', async () => {
    const { event, organiser, slots, pk } = await smallForum();
    const started = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build`, payload: { timeLimitSeconds: 5 } });
    expect(started.statusCode).toBe(202);
    await runQueuedJobs();
    const job = (await as(app, organiser.token)({ url: `/api/jobs/${started.json().jobId}` })).json();
    expect(job).toMatchObject({ status: 'succeeded', progress: 1 });

    const { versions, overview } = (await as(app, organiser.token)({ url: `/api/events/${event.id}/schedule` })).json();
    expect(overview).toMatchObject({ accepted: 8, placed: 0, slots: 6, tables: 3 });
    const draft = versions[0];
    expect(draft).toMatchObject({ version: 1, status: 'draft' });
    expect(draft.stats).toMatchObject({ scheduled: 8, total: 8 });
    expect(draft.stats.breaks).toBeLessThanOrEqual(draft.stats.baseline.breaks);
    expect(draft.stats.breaks).toBeGreaterThanOrEqual(draft.stats.breaksLowerBound);

    const published = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/${draft.id}/publish` });
    expect(published.json()).toMatchObject({ version: 1, changed: 8 });
    const rows = await placedMeetings(event.id);
    expect(rows.every((r) => r.slotId && r.tableId)).toBe(true);
    const breakSlot = slots.find((s) => s.isBreak)!;
    expect(rows.some((r) => r.slotId === breakSlot.id)).toBe(false);
    expectNoDoubleBooking(rows);
    const audit = (await as(app, organiser.token)({ url: `/api/events/${event.id}/audit` })).json();
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['schedule.build.requested', 'schedule.published']));
    expect(audit.find((a: { action: string }) => a.action === 'schedule.published').actorEmail).toBe(organiser.email);
    expect((await as(app, pk[0]!.token)({ url: `/api/events/${event.id}/audit` })).statusCode).toBe(403);
    const mails = await handle.db.select().from(outbox).where(eq(outbox.kind, 'schedule-published'));
    expect(new Set(mails.map((m) => m.toAddress)).size).toBe(6);
    const again = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/${draft.id}/publish` });
    expect(again.statusCode).toBe(409);
  });

  it('re-plans after a cancellation and a new acceptance without moving the other meetings', async () => {
    const { event, organiser, pk, cn, accepted } = await smallForum();
    await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build`, payload: { timeLimitSeconds: 5 } });
    await runQueuedJobs();
    const v1 = (await as(app, organiser.token)({ url: `/api/events/${event.id}/schedule` })).json().versions[0];
    await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/${v1.id}/publish` });
    const before = new Map((await placedMeetings(event.id)).map((m) => [m.id, m.slotId]));

    await as(app, pk[0]!.token)({ method: 'POST', url: `/api/meeting-requests/${accepted[0]!.request.id}/cancel` });
    const added = await buildAcceptedMeeting(handle.db, event.id, pk[2]!.delegate.id, cn[1]!.delegate.id);
    const replan = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/replan`, payload: { timeLimitSeconds: 5 } });
    expect(replan.statusCode).toBe(202);
    await runQueuedJobs();
    const v2 = (await as(app, organiser.token)({ url: `/api/events/${event.id}/schedule` })).json().versions[0];
    expect(v2).toMatchObject({ version: 2, status: 'draft', basedOn: v1.id });
    expect(v2.stats).toMatchObject({ scheduled: 8, total: 8 });
    const changes = (await as(app, organiser.token)({ url: `/api/events/${event.id}/schedule/${v2.id}/changes` })).json().changes;
    const moved = changes.filter((c: { from: { slotId: string | null }; to: { slotId: string | null } }) => c.from.slotId && c.to.slotId && c.from.slotId !== c.to.slotId);
    expect(moved).toHaveLength(v2.stats.moved);
    expect(moved.length).toBe(0);

    await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/${v2.id}/publish` });
    const after = await placedMeetings(event.id);
    expectNoDoubleBooking(after);
    for (const m of after) if (before.has(m.id)) expect(m.slotId, m.id).toBe(before.get(m.id));
    expect(after.find((m) => m.id === added.meeting.id)?.slotId).toBeTruthy();
    expect(after.some((m) => m.id === accepted[0]!.meeting.id)).toBe(false);
    const changedMails = await handle.db.select().from(outbox).where(eq(outbox.kind, 'schedule-changed'));
    expect(changedMails.map((m) => m.toAddress).sort()).toEqual([pk[2]!.email, cn[1]!.email].sort());
  });

  it('is for the event’s organisers; one schedule job at a time', async () => {
    const { event, organiser, pk } = await smallForum();
    expect((await as(app, pk[0]!.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build` })).statusCode).toBe(403);
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build` })).statusCode).toBe(202);
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build` })).statusCode).toBe(409);
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/replan` })).statusCode).toBe(409);
    await runQueuedJobs();
  });
});

describe('schedule jobs', () => {
  it('are taken over after their runner dies, and finish', async () => {
    const { event, organiser } = await smallForum();
    const { jobId } = (await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build`, payload: { timeLimitSeconds: 2 } })).json();
    const claimed = await claimJob(handle.db, Object.keys(JOB_HANDLERS));
    expect(claimed?.id).toBe(jobId);
    // The runner holding it dies: no more heartbeats.
    expect(await claimJob(handle.db, Object.keys(JOB_HANDLERS))).toBeNull();
    await handle.db.update(jobs).set({ heartbeatAt: sql`now() - interval '5 minutes'` }).where(eq(jobs.id, jobId));
    const takenOver = await claimJob(handle.db, Object.keys(JOB_HANDLERS));
    expect(takenOver).toMatchObject({ id: jobId, attempts: 2 });
    await runJob(handle.db, takenOver!, JOB_HANDLERS[takenOver!.kind]!);
    expect((await as(app, organiser.token)({ url: `/api/jobs/${jobId}` })).json().status).toBe('succeeded');
  });

  it('can be cancelled before they start', async () => {
    const { event, organiser } = await smallForum();
    const { jobId } = (await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build` })).json();
    await as(app, organiser.token)({ method: 'POST', url: `/api/jobs/${jobId}/cancel` });
    expect((await as(app, organiser.token)({ url: `/api/jobs/${jobId}` })).json().status).toBe('cancelled');
    expect(await claimJob(handle.db, Object.keys(JOB_HANDLERS))).toBeNull();
  });

  it('are refused with a clear message when there are no slots, and fail clearly if slots vanish meanwhile', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    await buildTables(handle.db, event.id, 2);
    const a = await buildDelegate(handle.db, event.id, { country: 'PK' });
    const b = await buildDelegate(handle.db, event.id, { country: 'CN' });
    await buildAcceptedMeeting(handle.db, event.id, a.delegate.id, b.delegate.id);
    const refused = await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/no meeting slots/);

    await buildSlots(handle.db, event.id, 3);
    const { jobId } = (await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build` })).json();
    await handle.db.delete(timeSlots).where(eq(timeSlots.eventId, event.id));
    await runQueuedJobs();
    const job = (await as(app, organiser.token)({ url: `/api/jobs/${jobId}` })).json();
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/no meeting slots/);
  });
});
