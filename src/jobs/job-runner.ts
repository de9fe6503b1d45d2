import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../storage/db';
import { rowsOf } from '../storage/db';
import { jobs } from '../storage/schema';

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  db: Database;
  job: JobRow;
  /** Records progress (0..1) for the organiser's progress bar; cheap to call often. */
  progress(fraction: number, message: string): void;
  /** Aborted when someone cancels the job. */
  signal: AbortSignal;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

/** A job whose runner has been silent this long is taken over by another runner. */
export const STALE_AFTER_SECONDS = 30;
export const HEARTBEAT_MS = 2_000;
export const MAX_JOB_ATTEMPTS = 3;

export async function enqueueJob(
  db: Database | Parameters<Parameters<Database['transaction']>[0]>[0],
  input: { kind: string; eventId: string | null; params?: Record<string, unknown>; createdBy?: string | null },
): Promise<JobRow> {
  const [job] = await db
    .insert(jobs)
    .values({ kind: input.kind, eventId: input.eventId, params: input.params ?? {}, createdBy: input.createdBy ?? null })
    .returning();
  return job!;
}

/** Claims the oldest due job of the given kinds, or a running one whose runner died. */
export async function claimJob(db: Database, kinds: string[]): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      update jobs set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), heartbeat_at = now()
      where id = (
        select id from jobs
        where kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
          and (status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})))
        order by created_at
        limit 1
        for update skip locked)
      returning id`),
  );
  const id = rows[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

async function finish(db: Database, id: string, values: Partial<typeof jobs.$inferInsert>) {
  await db.update(jobs).set({ ...values, finishedAt: new Date(), heartbeatAt: new Date() }).where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/** Runs one claimed job to its end, keeping its heartbeat, progress and cancellation in the database. */
export async function runJob(db: Database, job: JobRow, handler: JobHandler, shutdown?: AbortSignal): Promise<void> {
  if (job.attempts > MAX_JOB_ATTEMPTS) {
    await finish(db, job.id, { status: 'failed', error: `gave up after ${MAX_JOB_ATTEMPTS} attempts (the runner stopped each time)` });
    return;
  }
  const controller = new AbortController();
  const onShutdown = () => controller.abort();
  shutdown?.addEventListener('abort', onShutdown);
  let latest = { progress: job.progress, message: job.message };
  let writing: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    writing = (async () => {
      const [row] = await db
        .update(jobs)
        .set({ heartbeatAt: new Date(), progress: latest.progress, message: latest.message })
        .where(eq(jobs.id, job.id))
        .returning({ cancelRequested: jobs.cancelRequested });
      if (row?.cancelRequested) controller.abort();
    })().catch(() => {});
  }, HEARTBEAT_MS);
  try {
    const result = await handler({
      db,
      job,
      signal: controller.signal,
      progress: (fraction, message) => {
        latest = { progress: Math.max(0, Math.min(1, fraction)), message };
      },
    });
    clearInterval(heartbeat);
    await writing;
    if (shutdown?.aborted) await requeue(db, job.id);
    else if (controller.signal.aborted) await finish(db, job.id, { status: 'cancelled', message: 'cancelled', result: (result ?? null) as never });
    else await finish(db, job.id, { status: 'succeeded', progress: 1, message: 'done', result: (result ?? null) as never });
  } catch (error) {
    clearInterval(heartbeat);
    await writing;
    if (shutdown?.aborted) {
      await requeue(db, job.id);
      return;
    }
    await finish(db, job.id, {
      status: controller.signal.aborted ? 'cancelled' : 'failed',
      error: String((error as Error).message ?? error).slice(0, 2000),
    });
  } finally {
    shutdown?.removeEventListener('abort', onShutdown);
  }
}

/** A runner that is shutting down hands its job back, to be started again from the beginning. */
async function requeue(db: Database, id: string) {
  await db.update(jobs).set({ status: 'queued', progress: 0, message: 'waiting to restart', attempts: sql`${jobs.attempts} - 1` }).where(eq(jobs.id, id));
}

/** Polls for jobs of the handled kinds and runs them one at a time until stopped. */
export function startJobRunner(db: Database, handlers: Record<string, JobHandler>, intervalMs = 1000) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const shutdown = new AbortController();
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      try {
        for (;;) {
          if (stopped) return;
          const job = await claimJob(db, Object.keys(handlers));
          if (!job) return;
          await runJob(db, job, handlers[job.kind]!, shutdown.signal);
        }
      } catch {
        // The database may be briefly unreachable; the next tick tries again.
      }
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      shutdown.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
