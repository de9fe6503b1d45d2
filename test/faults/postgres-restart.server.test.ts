import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDelegate, buildEvent } from '../support/factories';
import { createStorage, eventually, serveArgs, startCorridor, withDatabase } from './processes';
import type { Storage } from './processes';

// Needs a PostgreSQL server this test may stop and start: scripts/with-postgres.sh exports where
// its throw-away cluster lives, and vitest.faults.config.ts collects this file only then.
const BIN = process.env.POSTGRES_BIN_DIR!;
const DATA = process.env.POSTGRES_DATA_DIR!;

function pgCtl(...args: string[]) {
  const command = [path.join(BIN, 'pg_ctl'), '-D', DATA, '-w', ...args];
  const user = process.env.POSTGRES_OS_USER;
  execFileSync(user ? 'runuser' : command[0]!, user ? ['-u', user, '--', ...command] : command.slice(1), { stdio: 'ignore' });
}
const stopPostgres = () => pgCtl('-m', 'fast', 'stop');
const startPostgres = () => pgCtl('-l', path.join(path.dirname(DATA), 'server.log'), '-o', process.env.POSTGRES_OPTIONS!, 'start');

let storage: Storage;
let eventId: string;
let organiserToken: string;
let delegateToken: string;

beforeAll(async () => {
  storage = await createStorage();
  ({ eventId, organiserToken, delegateToken } = await withDatabase(storage, async (db) => {
    const { event, organiser } = await buildEvent(db);
    const delegate = await buildDelegate(db, event.id);
    return { eventId: event.id, organiserToken: organiser.token, delegateToken: delegate.token };
  }));
});
afterAll(async () => {
  await storage.remove();
});

type Phase = 'before' | 'down' | 'after';
interface Answer {
  /** When the request was sent. */
  phase: Phase;
  /** When its answer arrived: a request sent just before the stop may be answered while the database goes down. */
  answeredIn: Phase;
  what: string;
  status: number;
  body: string;
}

describe('the PostgreSQL server restarted under load', () => {
  it('makes requests fail cleanly with 503 while it is down, and the server answers again once it is back', async () => {
    const server = await startCorridor(storage, serveArgs);
    let phase: Phase = 'before';
    let running = true;
    const answers: Answer[] = [];
    const requests: { what: string; url: string; init: RequestInit }[] = [
      { what: 'health', url: '/api/health', init: {} },
      { what: 'write', url: '/api/me', init: { method: 'PATCH', headers: { authorization: `Bearer ${delegateToken}`, 'content-type': 'application/json' }, body: '{"language":"ur"}' } },
      { what: 'organiser read', url: `/api/events/${eventId}/delegates`, init: { headers: { authorization: `Bearer ${organiserToken}` } } },
      { what: 'delegate read', url: `/api/events/${eventId}/meeting-requests`, init: { headers: { authorization: `Bearer ${delegateToken}` } } },
    ];
    const loops = requests.map(async ({ what, url, init }) => {
      while (running) {
        const sentIn = phase;
        try {
          const response = await fetch(server.url + url, { ...init, signal: AbortSignal.timeout(20_000) });
          const body = await response.text();
          answers.push({ phase: sentIn, answeredIn: phase, what, status: response.status, body });
        } catch (error) {
          answers.push({ phase: sentIn, answeredIn: phase, what, status: 0, body: String(error) });
        }
      }
    });
    const count = (p: Phase, test: (a: Answer) => boolean) => answers.filter((a) => a.phase === p && test(a)).length;

    let stopped = false;
    try {
      await eventually(async () => count('before', (a) => a.status < 300) >= 40, 'answers before the restart');
      stopPostgres();
      stopped = true;
      phase = 'down';
      try {
        await eventually(async () => count('down', (a) => a.what === 'write' && a.status === 503) >= 3 && count('down', (a) => a.what === 'health' && a.status === 503) >= 3, '503s while the database is down');
      } catch (error) {
        // Say what the requests got instead, and what the server logged.
        const seen = answers.filter((a) => a.phase === 'down').map((a) => `${a.what} ${a.status} ${a.body.slice(0, 120)}`);
        throw new Error(`${String(error)}\nanswers while down:\n${seen.slice(-20).join('\n')}\nserver output:\n${server.output().slice(-3000)}`);
      }
      startPostgres();
      stopped = false;
      phase = 'after';
      // Every kind of request succeeds again, then keeps succeeding: no broken connection is reused.
      await eventually(async () => requests.every((r) => answers.some((a) => a.phase === 'after' && a.what === r.what && a.status < 300)), 'answers after the restart');
      const recovered = answers.length;
      await eventually(async () => answers.length >= recovered + 40, 'more answers after the restart');
      running = false;
      await Promise.all(loops);
      const afterRecovery = answers.slice(recovered);
      expect(afterRecovery.filter((a) => a.status >= 300), 'failures after the server recovered').toEqual([]);
    } finally {
      running = false;
      // The other fault tests need the server back, whatever happened here.
      if (stopped) startPostgres();
      await Promise.all(loops);
      await server.stop();
    }

    // The process never died and no request was dropped: each got an answer, 2xx or a clean 503.
    expect(answers.filter((a) => a.status === 0 || (a.status >= 300 && a.status !== 503)), server.output()).toEqual([]);
    for (const failed of answers.filter((a) => a.status === 503)) {
      if (failed.what === 'health') expect(JSON.parse(failed.body)).toEqual({ status: 'unavailable' });
      else expect(JSON.parse(failed.body).error).toEqual({ code: 'UNAVAILABLE', message: expect.stringContaining('database is not reachable') });
    }
    // While the database was up, nothing failed.
    expect(answers.filter((a) => a.answeredIn === 'before' && a.status === 503)).toEqual([]);
  });
});
