/**
 * API read throughput on the demo event next to a bare Fastify route in the same run, and the time
 * to import 10,000 organisations. Uses DATABASE_URL when set, else embedded PGlite.
 * Run: npm run bench   (BENCH_SECONDS=10 for longer runs)
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { eq } from 'drizzle-orm';
import { readConfig } from '../src/config';
import { generateDemoEvent } from '../src/domain/demo';
import { IMPORT_COLUMNS } from '../src/domain/import/organisation-rows';
import { buildApp } from '../src/http/app';
import { CLI_ACTOR } from '../src/services/actor';
import { startSession } from '../src/services/auth/sessions';
import { loadDemoEvent } from '../src/services/demo/load-demo';
import { importOrganisations } from '../src/services/import/import-organisations';
import { migrateDatabase, openDatabase } from '../src/storage/db';
import { delegates, events, organisations, users } from '../src/storage/schema';
import { machineLine, printTable } from './machine';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 20;
/** How many different organisations and delegates the read benchmark cycles through. */
const KEYS = Number(process.env.BENCH_KEYS ?? 200);

/** Each connection cycles through many different pages and people, as at an event's start. */
async function measure(base: string, requests: { path: string; headers?: Record<string, string> }[]) {
  const result = await autocannon({ url: base, connections, duration: seconds, requests: requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers ?? {} })) });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  const handle = await openDatabase({ databaseUrl, dataDir: null });
  await migrateDatabase(handle);
  const demo = await loadDemoEvent(handle.db);
  const db = handle.db;

  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok', items: [{ id: 1, name: 'organisation' }] }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const app = await buildApp({ db, config: readConfig() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = (server: typeof app) => `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;

  const people = await db
    .select({ user: users })
    .from(delegates)
    .innerJoin(users, eq(users.id, delegates.userId))
    .where(eq(delegates.eventId, demo.eventId))
    .limit(KEYS);
  const tokens = await Promise.all(people.map(async (p) => (await startSession(db, p.user)).token));
  const orgs = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.eventId, demo.eventId)).limit(KEYS);

  const rows: (string | number)[][] = [];
  const bareResult = await measure(base(bare), [{ path: '/bare' }]);
  const orgPages = orgs.map((o, i) => ({ path: `/api/organisations/${o.id}`, headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } }));
  const requestLists = tokens.map((t) => ({ path: `/api/events/${demo.eventId}/meeting-requests`, headers: { authorization: `Bearer ${t}` } }));
  // One hot page read by every client, then many pages each read once in a while (mostly cold).
  const pages: [string, { path: string; headers?: Record<string, string> }[]][] = [
    ['organisation page (profile + items + people), one page', orgPages.slice(0, 1)],
    [`organisation page, ${orgPages.length} organisations × ${tokens.length} delegates`, orgPages],
    ['delegate’s requests list, one delegate', requestLists.slice(0, 1)],
    [`delegate’s requests list, ${requestLists.length} delegates`, requestLists],
  ];
  rows.push(['bare Fastify route (baseline)', bareResult.rps, bareResult.p50, bareResult.p99, bareResult.errors, '100%']);
  for (const [name, requests] of pages) {
    const r = await measure(base(app), requests);
    rows.push([name, r.rps, r.p50, r.p99, r.errors, `${Math.round((100 * r.rps) / bareResult.rps)}%`]);
  }
  await app.close();
  await bare.close();

  const big = generateDemoEvent({ organisations: 10_000, seed: 7 });
  const importRows = big.organisations.map((o) => {
    const cells: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, '']));
    Object.assign(cells, {
      external_id: o.externalId, name: o.name, country: o.country, city: o.city, isic_codes: o.isicCodes.join(';'), hs_codes: o.hsCodes.join(';'),
      value_chain_stages: o.stages.join(';'), size_band: o.sizeBand, website: o.website ?? '', description: o.description, languages: o.languages.join(';'),
      partnership_types: o.partnershipTypes.join(';'), offers: o.items.filter((i) => i.kind === 'offer').map((i) => i.title.replace(/;/g, ',')).join(';'),
      requests: o.items.filter((i) => i.kind === 'request').map((i) => i.title.replace(/;/g, ',')).join(';'),
    });
    return cells;
  });
  const [event] = await db.insert(events).values({ slug: `bench-${Date.now()}`, name: 'Import benchmark', timeZone: 'Asia/Karachi', days: ['2026-01-01'] }).returning();
  const started = performance.now();
  const summary = await importOrganisations(db, CLI_ACTOR, event!.id, importRows);
  const importSeconds = (performance.now() - started) / 1000;
  const reStarted = performance.now();
  await importOrganisations(db, CLI_ACTOR, event!.id, importRows);
  const reimportSeconds = (performance.now() - reStarted) / 1000;
  await handle.close();

  console.log(`Machine: ${machineLine()}`);
  console.log(`Database: ${databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite (in memory)'} · ${connections} connections · ${seconds} s per route`);
  printTable('API reads (demo event, 900 organisations)', ['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'of bare'], rows);
  printTable('Import', ['file', 'organisations', 'items', 'seconds', 'target'], [
    ['10,000 organisations, first import', summary.organisations.created, summary.items, importSeconds.toFixed(1), '< 20 s'],
    ['same file again (idempotent update)', 10_000, summary.items, reimportSeconds.toFixed(1), '< 20 s'],
  ]);
}

await main();
