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

async function measure(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
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

  const [organisation] = await db.select().from(organisations).where(eq(organisations.eventId, demo.eventId)).limit(1);
  const login = demo.logins.find((l) => l.role === 'delegate')!;
  const [user] = await db.select().from(users).where(eq(users.email, login.email));
  const session = await startSession(db, user!);
  const [delegate] = await db.select().from(delegates).where(eq(delegates.userId, user!.id));

  const rows: (string | number)[][] = [];
  const bareResult = await measure(`${base(bare)}/bare`);
  const pages: [string, string, Record<string, string>][] = [
    ['organisation page (profile + items + people)', `${base(app)}/api/organisations/${organisation!.id}`, { authorization: `Bearer ${session.token}` }],
    ['delegate’s requests list', `${base(app)}/api/events/${demo.eventId}/meeting-requests`, { authorization: `Bearer ${session.token}` }],
  ];
  rows.push(['bare Fastify route (baseline)', bareResult.rps, bareResult.p50, bareResult.p99, bareResult.errors, '100%']);
  for (const [name, url, headers] of pages) {
    const r = await measure(url, headers);
    rows.push([name, r.rps, r.p50, r.p99, r.errors, `${Math.round((100 * r.rps) / bareResult.rps)}%`]);
  }
  await app.close();
  await bare.close();
  void delegate;

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
