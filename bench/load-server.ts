/**
 * The server side of `bench/load.ts`, in a process of its own so the load generator does not
 * share its event loop: prepares the demo event and 2,000 signed-in delegates, listens on a spare
 * loopback port, prints one JSON line (address, tokens, request pairs) and runs until stopped.
 */
import { and, eq, sql } from 'drizzle-orm';
import { readConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { loadDemoEvent } from '../src/services/demo/load-demo';
import { migrateDatabase, openDatabase, rowsOf } from '../src/storage/db';
import { delegates, organisations, sessions, users } from '../src/storage/schema';
import { hashToken, newToken } from '../src/services/auth/secrets';
import { DELEGATES, REQUESTS_PER_SECOND, type LoadPlan } from './load-plan';

const seconds = Number(process.env.LOAD_SECONDS ?? 10);

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  // The pool the server would have with the same settings (DATABASE_POOL_SIZE).
  const handle = await openDatabase({ databaseUrl, dataDir: null, poolSize: readConfig().databasePoolSize });
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
  const plan: LoadPlan = { base, eventId: demo.eventId, readers: [...tokens.values()], pairs };
  process.stdout.write(`${JSON.stringify(plan)}\n`);
  const stop = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

await main();
