import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { AppError, notFound, validation } from '../../domain/errors';
import { render, scheduleChangedMail } from '../../domain/mail/templates';
import { enqueueJob } from '../../jobs/job-runner';
import type { Database, Executor } from '../../storage/db';
import { delegates, jobs, meetingRequests, meetingTables, meetings, scheduleAssignments, schedules, timeSlots } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize, requireUser } from '../access';
import { recordAudit } from '../events';
import { agendaFiles } from '../calendar/agenda';
import { enqueueMail } from '../mail/enqueue';
import { SCHEDULE_BUILD, SCHEDULE_REPLAN } from './schedule-job';
import type { ScheduleJobParams } from './schedule-job';

function checkParams(params: ScheduleJobParams): void {
  if (params.timeLimitSeconds !== undefined && !(params.timeLimitSeconds >= 1 && params.timeLimitSeconds <= 600)) {
    throw validation('timeLimitSeconds', 'must be between 1 and 600');
  }
  if (params.fairness !== undefined && !(Number.isInteger(params.fairness) && params.fairness >= 0 && params.fairness <= 20)) {
    throw validation('fairness', 'must be a whole number from 0 to 20');
  }
}

/** Queues a schedule build or re-plan; one at a time per event. */
export async function requestScheduleJob(db: Database, actor: Actor, eventId: string, kind: 'build' | 'replan', params: ScheduleJobParams = {}) {
  const user = requireUser(actor);
  checkParams(params);
  return db.transaction(async (tx) => {
    const access = await accessEvent(tx, actor, eventId);
    authorize(actor, 'event.update', access.relations);
    const [active] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.eventId, eventId), inArray(jobs.kind, [SCHEDULE_BUILD, SCHEDULE_REPLAN]), inArray(jobs.status, ['queued', 'running'])));
    if (active) throw new AppError('CONFLICT', `a schedule job is already running (${active.id}); wait for it or cancel it`);
    const overview = await scheduleOverview(tx, actor, eventId);
    if (overview.slots === 0) throw new AppError('CONFLICT', 'the event has no meeting slots yet; add slots before building a schedule');
    if (overview.tables === 0) throw new AppError('CONFLICT', 'the event has no tables yet; add tables before building a schedule');
    if (kind === 'replan') {
      const [published] = await tx.select({ id: schedules.id }).from(schedules).where(and(eq(schedules.eventId, eventId), eq(schedules.status, 'published')));
      if (!published) throw new AppError('CONFLICT', 'there is no published schedule to re-plan; build and publish one first');
    }
    const job = await enqueueJob(tx, {
      kind: kind === 'build' ? SCHEDULE_BUILD : SCHEDULE_REPLAN,
      eventId,
      params: { ...params },
      createdBy: user.via === 'cli' ? null : user.userId,
    });
    await recordAudit(tx, actor, eventId, `schedule.${kind}.requested`, { jobId: job.id, ...params });
    return job;
  });
}

export async function getJob(db: Executor, actor: Actor, jobId: string) {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!job || !job.eventId) throw notFound('Job');
  const access = await accessEvent(db, actor, job.eventId);
  authorize(actor, 'event.update', access.relations);
  const { params: _params, ...visible } = job;
  return visible;
}

export async function cancelJob(db: Database, actor: Actor, jobId: string) {
  await getJob(db, actor, jobId);
  const [job] = await db
    .update(jobs)
    .set({ cancelRequested: true })
    .where(eq(jobs.id, jobId))
    .returning();
  // A queued job nobody has started can be cancelled at once.
  await db.update(jobs).set({ status: 'cancelled', finishedAt: new Date() }).where(and(eq(jobs.id, jobId), eq(jobs.status, 'queued')));
  return { id: job!.id, cancelRequested: true };
}

/** A schedule version with its assignments and, for drafts, which meetings move against the published one. */
export async function getSchedules(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.update', access.relations);
  const versions = await db.select().from(schedules).where(eq(schedules.eventId, eventId)).orderBy(desc(schedules.version)).limit(20);
  return versions.map(({ jobId, ...v }) => ({ ...v, jobId }));
}

export interface MeetingChange {
  meetingId: string;
  from: { slotId: string | null; tableId: string | null };
  to: { slotId: string | null; tableId: string | null };
}

async function assignmentsOf(db: Executor, scheduleId: string) {
  const rows = await db.select().from(scheduleAssignments).where(eq(scheduleAssignments.scheduleId, scheduleId));
  return new Map(rows.map((r) => [r.meetingId, r]));
}

/** Meetings whose slot or table differs between two versions (null = the published one is empty). */
export async function diffSchedules(db: Executor, fromId: string | null, toId: string): Promise<MeetingChange[]> {
  const before = fromId ? await assignmentsOf(db, fromId) : new Map<string, typeof scheduleAssignments.$inferSelect>();
  const after = await assignmentsOf(db, toId);
  const changes: MeetingChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id);
    const b = after.get(id);
    if (a?.slotId !== b?.slotId || a?.tableId !== b?.tableId) {
      changes.push({ meetingId: id, from: { slotId: a?.slotId ?? null, tableId: a?.tableId ?? null }, to: { slotId: b?.slotId ?? null, tableId: b?.tableId ?? null } });
    }
  }
  return changes;
}

export async function scheduleDiff(db: Executor, actor: Actor, eventId: string, scheduleId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.update', access.relations);
  const [draft] = await db.select().from(schedules).where(and(eq(schedules.id, scheduleId), eq(schedules.eventId, eventId)));
  if (!draft) throw notFound('Schedule');
  const [published] = await db.select().from(schedules).where(and(eq(schedules.eventId, eventId), eq(schedules.status, 'published')));
  const changes = await diffSchedules(db, published && published.id !== draft.id ? published.id : null, draft.id);
  return { scheduleId, comparedWith: published?.id ?? null, changes };
}

/**
 * Publishes a draft: meetings take its slots and tables, the previous version is superseded, and
 * only delegates whose meetings changed are told, in their language.
 */
export async function publishSchedule(db: Database, actor: Actor, eventId: string, scheduleId: string, publicUrl: string) {
  return db.transaction(async (tx) => {
    const access = await accessEvent(tx, actor, eventId);
    authorize(actor, 'event.update', access.relations);
    const [draft] = await tx.select().from(schedules).where(and(eq(schedules.id, scheduleId), eq(schedules.eventId, eventId))).for('update');
    if (!draft) throw notFound('Schedule');
    if (draft.status !== 'draft') throw new AppError('CONFLICT', `version ${draft.version} is ${draft.status}, not a draft`);
    const [published] = await tx.select().from(schedules).where(and(eq(schedules.eventId, eventId), eq(schedules.status, 'published'))).for('update');
    const changes = await diffSchedules(tx, published?.id ?? null, draft.id);
    if (published) await tx.update(schedules).set({ status: 'superseded' }).where(eq(schedules.id, published.id));
    await tx.update(schedules).set({ status: 'published', publishedAt: new Date() }).where(eq(schedules.id, draft.id));
    await tx.execute(sql`
      update meetings m set slot_id = a.slot_id, table_id = a.table_id, updated_at = now(),
        revision = m.revision + (case when m.slot_id is distinct from a.slot_id or m.table_id is distinct from a.table_id then 1 else 0 end)
      from schedule_assignments a where a.schedule_id = ${draft.id}::uuid and a.meeting_id = m.id`);
    // Meetings accepted after the draft was built stay unscheduled until the next re-plan. One
    // the draft leaves out loses its slot but keeps it as the last published, so calendar files
    // can show it cancelled.
    const unplaced = await tx
      .update(meetings)
      .set({ lastSlotId: sql`${meetings.slotId}`, slotId: null, tableId: null, updatedAt: sql`now()`, revision: sql`${meetings.revision} + 1` })
      .where(
        and(
          eq(meetings.eventId, eventId),
          isNotNull(meetings.slotId),
          sql`not exists (select 1 from schedule_assignments a where a.schedule_id = ${draft.id}::uuid and a.meeting_id = ${meetings.id})`,
        ),
      )
      .returning({ id: meetings.id, status: meetings.status });
    // Delegates of a cancelled meeting were told when it was cancelled; those of a meeting the
    // draft could not place are told now, their agenda showing it cancelled.
    const placed = changes.filter((c) => c.to.slotId !== null).map((c) => c.meetingId);
    const told = [...placed, ...unplaced.filter((m) => m.status === 'scheduled').map((m) => m.id)];
    await notifyChanges(tx, eventId, told, publicUrl, published ? 'changed' : 'published');
    await recordAudit(tx, actor, eventId, 'schedule.published', { scheduleId, version: draft.version, changed: changes.length });
    return { scheduleId, version: draft.version, changed: changes.length };
  });
}

async function notifyChanges(tx: Executor, eventId: string, meetingIds: string[], publicUrl: string, what: 'published' | 'changed') {
  if (meetingIds.length === 0) return;
  const affected = new Map<string, { email: string; firstName: string; language: string; count: number }>();
  for (let i = 0; i < meetingIds.length; i += 2000) {
    const rows = await tx
      .select({ from: meetingRequests.fromDelegateId, to: meetingRequests.toDelegateId })
      .from(meetings)
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
      .where(inArray(meetings.id, meetingIds.slice(i, i + 2000)));
    const ids = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
    for (let j = 0; j < ids.length; j += 2000) {
      const people = await tx.select().from(delegates).where(inArray(delegates.id, ids.slice(j, j + 2000)));
      for (const p of people) {
        const count = rows.filter((r) => r.from === p.id || r.to === p.id).length;
        const seen = affected.get(p.id);
        affected.set(p.id, { email: p.email, firstName: p.firstName, language: p.language, count: (seen?.count ?? 0) + count });
      }
    }
  }
  // Each message carries the whole agenda as it now stands, so a calendar program can take it in at once.
  const agendas = await agendaFiles(tx, eventId, [...affected.keys()], publicUrl);
  for (const [delegateId, person] of affected) {
    const agenda = { filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: agendas.get(delegateId)! };
    await enqueueMail(tx, person.email, `schedule-${what}`, render(scheduleChangedMail, person.language, { name: person.firstName, what, count: person.count, link: `${publicUrl}/events/${eventId}/agenda` }), [agenda]);
  }
}

/** The published schedule's figures for the organiser's dashboard. */
export async function scheduleOverview(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.update', access.relations);
  const [counts] = await db
    .select({
      accepted: sql<number>`count(*)::int`,
      placed: sql<number>`count(${meetings.slotId})::int`,
    })
    .from(meetings)
    .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled')));
  const [slotCount] = await db.select({ n: sql<number>`count(*)::int` }).from(timeSlots).where(and(eq(timeSlots.eventId, eventId), ne(timeSlots.isBreak, true)));
  const [tableCount] = await db.select({ n: sql<number>`count(*)::int` }).from(meetingTables).where(eq(meetingTables.eventId, eventId));
  return { accepted: Number(counts?.accepted ?? 0), placed: Number(counts?.placed ?? 0), slots: Number(slotCount?.n ?? 0), tables: Number(tableCount?.n ?? 0) };
}
