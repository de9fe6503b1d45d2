/**
 * The first minutes of an event: 2,000 delegates open their agendas while meeting requests arrive
 * at 200 per second. Loopback only, bounded in time. Uses DATABASE_URL when set, else PGlite.
 * Run: npm run bench:load   (LOAD_SECONDS=20 for a longer run)
 */
import autocannon from 'autocannon';
import { and, eq, sql } from 'drizzle-orm';
import { readConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { loadDemoEvent } from '../src/services/demo/load-demo';
import { migrateDatabase, openDatabase, rowsOf } from '../src/storage/db';
import { delegates, organisations, sessions, users } from '../src/storage/schema';
import { hashToken, newToken } from '../src/services/auth/secrets';
import { machineLine, printTable } from './machine';

const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const DELEGATES = 2_000;
const REQUESTS_PER_SECOND = 200;

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  const handle = await openDatabase({ databaseUrl, dataDir: null, poolSize: 20 });
  await migrateDatabase(handle);
  const { db } = handle;
  const demo = await loadDemoEvent(db);
  // The event is open for requests during the run, whatever the demo's own rules say.
  await db.execute(sql`update events set max_pending_requests_per_delegate = null, max_meetings_per_delegate = null, request_deadline = null where id = ${demo.eventId}::uuid`);

  const people = await db
    .select({ delegateId: delegates.id, userId: users.id, country: organisations.country })
    .from(delegates)
    .innerJoin(users, eq(users.id, delegates.userId))
    .innerJoin(organisations, eq(organisations.id, delegates.organisationId))
    .where(and(eq(delegates.eventId, demo.eventId)))
    .limit(DELEGATES);
  const tokens = new Map<string, string>();
  const values = people.map((p) => {
    const token = newToken('cs');
    tokens.set(p.delegateId, token);
    return { tokenHash: hashToken(token), userId: p.userId, csrfToken: 'bench', expiresAt: new Date(Date.now() + 86_400_000) };
  });
  for (let i = 0; i < values.length; i += 500) await db.insert(sessions).values(values.slice(i, i + 500));

  // Pairs with no request yet, Pakistani asking Chinese, each asker asking several different people.
  const taken = new Set(
    rowsOf<{ a: string; b: string }>(await db.execute(sql`select least(from_delegate_id, to_delegate_id)::text as a, greatest(from_delegate_id, to_delegate_id)::text as b from meeting_requests where event_id = ${demo.eventId}::uuid`)).map((r) => `${r.a}|${r.b}`),
  );
  const askers = people.filter((p) => p.country === 'PK');
  const asked = people.filter((p) => p.country === 'CN');
  const pairs: { token: string; to: string }[] = [];
  for (let round = 0; pairs.length < REQUESTS_PER_SECOND * seconds * 1.2 && round < asked.length; round++) {
    for (let i = 0; i < askers.length; i++) {
      const from = askers[i]!;
      const to = asked[(i * 7 + round) % asked.length]!;
      const key = [from.delegateId, to.delegateId].sort().join('|');
      if (taken.has(key)) continue;
      taken.add(key);
      pairs.push({ token: tokens.get(from.delegateId)!, to: to.delegateId });
    }
  }

  const app = await buildApp({ db, config: readConfig() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // One shared cursor per load: every request goes to the next delegate, whichever connection sends it.
  const everyone = [...tokens.values()];
  let nextReader = 0;
  let nextPair = 0;
  const agendas = [
    {
      method: 'GET' as const,
      path: `/api/events/${demo.eventId}/meetings`,
      setupRequest: (request: autocannon.Request) => ({ ...request, headers: { authorization: `Bearer ${everyone[nextReader++ % everyone.length]}` } }),
    },
  ];
  const requests = [
    {
      method: 'POST' as const,
      path: `/api/events/${demo.eventId}/meeting-requests`,
      setupRequest: (request: autocannon.Request) => {
        const pair = pairs[nextPair++ % pairs.length]!;
        return {
          ...request,
          headers: { authorization: `Bearer ${pair.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ toDelegateId: pair.to, message: 'Shall we meet at the conference?' }),
        };
      },
    },
  ];
  const [reading, writing] = await Promise.all([
    // Every one of the 2,000 opens their agenda once during the run, at an even pace.
    autocannon({ url: base, connections: 50, duration: seconds, overallRate: Math.ceil(DELEGATES / seconds), requests: agendas }),
    autocannon({ url: base, connections: 20, duration: seconds, overallRate: REQUESTS_PER_SECOND, requests }),
  ]);
  await app.close();
  await handle.close();

  const row = (name: string, r: autocannon.Result) => [name, r.requests.total, Math.round(r.requests.average), r.latency.p50, r.latency.p99, r['2xx'], r['4xx'], r['5xx'] + r.errors + r.timeouts];
  console.log(`Machine: ${machineLine()}`);
  console.log(`Database: ${databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite'} · ${seconds} s · ${tokens.size} signed-in delegates`);
  printTable('First minutes of an event (both loads at once)', ['load', 'requests', 'req/s', 'p50 ms', 'p99 ms', '2xx', '4xx', 'errors (5xx, failed, timed out)'], [
    row(`${tokens.size} delegates opening their agendas (${Math.ceil(DELEGATES / seconds)} per second)`, reading),
    row(`meeting requests at ${REQUESTS_PER_SECOND}/s`, writing),
  ]);
  console.log('Target on PostgreSQL: p99 under 200 ms, zero errors.');
}

await main();
