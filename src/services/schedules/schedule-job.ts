import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_LIMIT_SECONDS, scheduleFirstComeFirstServed, validateSchedule } from '../../domain/scheduling';
import { solveSideBySide } from '../../jobs/solve-side-by-side';
import type { Assignment, Instance } from '../../domain/scheduling';
import type { JobContext } from '../../jobs/job-runner';
import { schedules } from '../../storage/schema';
import { loadEventInstance } from './event-instance';

export const SCHEDULE_BUILD = 'schedule.build';
export const SCHEDULE_REPLAN = 'schedule.replan';

export interface ScheduleJobParams {
  timeLimitSeconds?: number;
  fairness?: number;
  seed?: number;
}

export interface ScheduleStats {
  status: string;
  scheduled: number;
  total: number;
  breaks: number;
  breaksLowerBound: number;
  breaksSpread: number;
  seconds: number;
  moved: number | null;
  baseline: { scheduled: number; breaks: number; breaksSpread: number } | null;
}

function summary(instance: Instance, assignments: Assignment[]) {
  const report = validateSchedule(instance, assignments);
  return { scheduled: assignments.length, breaks: report.breaks, breaksSpread: report.breaksSpread };
}

/** Builds (or re-plans) the schedule of an event and stores it as a new draft version. */
export async function runScheduleJob(context: JobContext): Promise<{ scheduleId: string; stats: ScheduleStats }> {
  const { db, job } = context;
  const params = job.params as ScheduleJobParams;
  const eventId = job.eventId!;
  const replan = job.kind === SCHEDULE_REPLAN;
  context.progress(0, 'loading accepted meetings');
  const loaded = await loadEventInstance(db, eventId);
  if (loaded.slots.length === 0) throw new Error('the event has no meeting slots (only breaks or none); add slots first');
  if (loaded.tables.length === 0) throw new Error('the event has no tables; add tables first');
  const previous = replan ? loaded.published?.assignments : undefined;
  if (replan && !previous) throw new Error('there is no published schedule to re-plan; build and publish one first');

  const result = await solveSideBySide(loaded.instance, {
    timeLimitMs: (params.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000,
    ...(params.fairness !== undefined ? { fairness: params.fairness } : {}),
    seed: params.seed ?? 1,
    signal: context.signal,
    onProgress: (fraction, message) => context.progress(0.05 + 0.9 * fraction, message),
    ...(previous ? { previous, priority: 'moves' as const } : {}),
  });
  if (result.status === 'infeasible') throw new Error(`no schedule is possible: ${(result.reasons ?? []).join('; ')}`);
  const baseline = replan ? null : summary(loaded.instance, scheduleFirstComeFirstServed(loaded.instance));
  const stats: ScheduleStats = {
    status: result.status,
    scheduled: result.scheduled,
    total: result.total,
    breaks: result.breaks,
    breaksLowerBound: result.breaksLowerBound,
    breaksSpread: result.breaksSpread,
    seconds: result.seconds,
    moved: result.moved ?? null,
    baseline,
  };
  context.progress(0.97, 'saving the draft');
  const scheduleId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schedules)
      .values({
        eventId,
        version: sql`(select coalesce(max(version), 0) + 1 from schedules where event_id = ${eventId}::uuid)`,
        status: 'draft',
        basedOn: replan ? loaded.published!.scheduleId : null,
        stats,
        jobId: job.id,
      })
      .returning({ id: schedules.id });
    const rows = result.assignments.map((a) => ({
      schedule_id: row!.id,
      meeting_id: a.meeting,
      slot_id: loaded.slots[a.slot - 1]!.id,
      table_id: loaded.tables[a.table - 1]?.id ?? null,
    }));
    for (let i = 0; i < rows.length; i += 2000) {
      await tx.execute(sql`
        insert into schedule_assignments (schedule_id, meeting_id, slot_id, table_id)
        select x.schedule_id, x.meeting_id, x.slot_id, x.table_id
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::jsonb) as x(schedule_id uuid, meeting_id uuid, slot_id uuid, table_id uuid)`);
    }
    return row!.id;
  });
  return { scheduleId, stats };
}
