import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { jobs, schedules } from '../../src/storage/schema';
import { loadDemoEvent } from '../../src/services/demo/load-demo';
import { signInWithPassword } from '../../src/services/auth/sessions';
import { api, createStorage, eventually, serveArgs, startCorridor, withDatabase } from './processes';
import type { Child, Storage } from './processes';

let storage: Storage;
let eventId: string;
let token: string;

beforeAll(async () => {
  storage = await createStorage();
  // The demo conference (900 organisations, ~3,000 meetings): its schedule is not proven optimal
  // within seconds, so the solver is still working when it has reported progress.
  ({ eventId, token } = await withDatabase(storage, async (db) => {
    const demo = await loadDemoEvent(db, { password: 'fault test password' });
    const organiser = demo.logins.find((login) => login.role === 'organiser')!;
    return { eventId: demo.eventId, token: (await signInWithPassword(db, organiser.email, 'fault test password')).token };
  }));
});
afterAll(async () => {
  await storage.remove();
});

async function build(server: Child, timeLimitSeconds: number): Promise<string> {
  const started = await api(server, token, 'POST', `/api/events/${eventId}/schedule/build`, { timeLimitSeconds });
  expect(started.status, started.text).toBe(202);
  return started.json.jobId;
}

const job = (server: Child, id: string) => api(server, token, 'GET', `/api/jobs/${id}`).then((r) => r.json as { status: string; progress: number; attempts: number });
async function finished(server: Child, id: string) {
  return eventually(async () => {
    const state = await job(server, id);
    if (state.status === 'failed' || state.status === 'cancelled') throw new Error(`job ${id} ended ${state.status}: ${JSON.stringify(state)}`);
    return state.status === 'succeeded' ? state : null;
  }, `job ${id} to succeed`, 90_000);
}
const versions = (server: Child) => api(server, token, 'GET', `/api/events/${eventId}/schedule`).then((r) => r.json.versions as { id: string; status: string; jobId: string | null }[]);
const agenda = async (server: Child) =>
  ((await api(server, token, 'GET', `/api/events/${eventId}/meetings`)).json as { id: string }[]).map((m) => JSON.stringify(m)).sort();

describe('a server killed with SIGKILL while it builds a schedule', () => {
  it('has the job taken over after restart, which stores exactly one draft and leaves the published schedule alone', async () => {
    const first = await startCorridor(storage, serveArgs);
    // A published schedule to leave untouched.
    const quick = await build(first, 1);
    await finished(first, quick);
    const [draft] = await versions(first);
    expect((await api(first, token, 'POST', `/api/events/${eventId}/schedule/${draft!.id}/publish`)).status).toBe(200);
    const publishedAgenda = await agenda(first);
    expect(publishedAgenda.length).toBeGreaterThan(1000);

    const jobId = await build(first, 8);
    await eventually(async () => {
      const state = await job(first, jobId);
      return state.status === 'running' && state.progress > 0.05;
    }, 'the solver to report progress');
    await first.kill9();

    // The dead server's heartbeat would be taken as lost after 30 s; age it instead of waiting.
    await withDatabase(storage, async (db) => {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
      expect(row!.status).toBe('running');
      expect(await db.select().from(schedules).where(eq(schedules.jobId, jobId))).toEqual([]);
      await db.update(jobs).set({ heartbeatAt: sql`now() - interval '1 minute'` }).where(eq(jobs.id, jobId));
    });

    const second = await startCorridor(storage, serveArgs);
    try {
      const done = await finished(second, jobId);
      expect(done.attempts).toBe(2);
      const after = await versions(second);
      expect(after.filter((v) => v.jobId === jobId)).toEqual([expect.objectContaining({ status: 'draft' })]);
      expect(after.filter((v) => v.status === 'draft')).toHaveLength(1);
      expect(after.find((v) => v.status === 'published')?.id).toBe(draft!.id);
      expect(await agenda(second)).toEqual(publishedAgenda);
    } finally {
      await second.stop();
    }
  }, 170_000);
});
