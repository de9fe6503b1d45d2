/**
 * Training registration and e-mail throughput: 2,000 people register for 500 places through the
 * HTTP API at once (each from its own address, as on a real public form, so the per-address rate
 * limit does not apply), then the outbox worker delivers the 2,000 e-mails, to .eml files and over
 * SMTP to a server on loopback. With DATABASE_URL it works in a database of its own on that server
 * (created and dropped here, so no real mail is touched); else in embedded PGlite.
 * Run: npm run bench:register   (BENCH_PEOPLE=5000 BENCH_CONNECTIONS=50 for other sizes)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { readConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { fileTransport, smtpTransport } from '../src/jobs/mail-transport';
import type { MailTransport } from '../src/jobs/mail-transport';
import { deliverDueMail } from '../src/jobs/outbox-worker';
import { CLI_ACTOR } from '../src/services/actor';
import { createProgramme } from '../src/services/training/programmes';
import type { Database } from '../src/storage/db';
import { migrateDatabase, openDatabase } from '../src/storage/db';
import { outbox, registrations } from '../src/storage/schema';
import { machineLine, printTable } from './machine';

const people = Number(process.env.BENCH_PEOPLE ?? 2000);
const places = Math.round(people / 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const FROM = 'Corridor <no-reply@corridor.example>';

async function lithiumWebinar(db: Database) {
  return createProgramme(db, CLI_ACTOR, {
    title: `Powering Belt and Road: Lithium-ion batteries (benchmark ${Date.now()})`,
    organisedBy: ['BTBU', 'ECOSF'],
    timeZone: 'Asia/Shanghai',
    registrationDeadline: '2099-09-26',
    capacity: places,
    sessions: [{ startsAt: '2099-09-28T14:00', endsAt: '2099-09-28T16:00', webinarUrl: 'https://meeting.example/j/1' }],
  });
}

async function registerOverHttp(db: Database, programmeId: string, tag: string, amount = people) {
  const app = await buildApp({ db, config: readConfig({ PUBLIC_URL: 'http://corridor.example' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  let n = 0;
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/programmes/${programmeId}/registrations`,
    connections,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = n++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({ name: `Participant ${i}`, email: `participant-${i}-${tag}@bench.example`, country: i % 2 ? 'PK' : 'CN', language: (['en', 'ur', 'zh'] as const)[i % 3] }),
          };
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return { perSecond: Math.round(amount / seconds), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function deliverAll(db: Database, transport: MailTransport) {
  let sent = 0;
  const started = performance.now();
  for (;;) {
    const report = await deliverDueMail(db, transport, FROM, { batch: 200, concurrency: 8 });
    sent += report.sent;
    if (report.claimed === 0) break;
  }
  transport.close();
  return { sent, seconds: (performance.now() - started) / 1000 };
}

async function smtpSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function counts(db: Database, programmeId: string) {
  const rows = await db.select({ status: registrations.status, n: sql<number>`count(*)::int` }).from(registrations).where(eq(registrations.programmeId, programmeId)).groupBy(registrations.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A scratch database on the server named by DATABASE_URL, dropped when the benchmark ends. */
async function scratchDatabase(serverUrl: string) {
  const name = `corridor_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

async function main() {
  const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null;
  const handle = await openDatabase({ databaseUrl: scratch?.url ?? null, dataDir: null, poolSize: 10 });
  await migrateDatabase(handle);
  const db = handle.db;
  const storage = scratch ? 'PostgreSQL server' : 'embedded PGlite';
  console.log(`Training registration benchmark on ${storage}: ${people} people, ${places} places, ${connections} connections`);
  console.log(machineLine());

  // Warm up (compilation, connections, caches) on a programme of its own, then clear its mail.
  const warmUp = await lithiumWebinar(db);
  await registerOverHttp(db, warmUp.id, 'warm-up', Math.min(people, 400));
  await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.status, 'queued'));

  const rows: (string | number)[][] = [];
  const toFiles = await lithiumWebinar(db);
  const http = await registerOverHttp(db, toFiles.id, 'files');
  const placed = await counts(db, toFiles.id);
  rows.push([`registrations over HTTP (${people} at once)`, http.perSecond, `${http.p50} / ${http.p99}`, http.errors, `${placed.confirmed ?? 0} confirmed, ${placed.waitlisted ?? 0} waitlisted`]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-bench-outbox-'));
  const files = await deliverAll(db, fileTransport(dir));
  rows.push(['e-mails delivered as .eml files', Math.round(files.sent / files.seconds), '', 0, `${files.sent} sent, ${fs.readdirSync(dir).length} files`]);
  fs.rmSync(dir, { recursive: true, force: true });

  const toSmtp = await lithiumWebinar(db);
  const second = await registerOverHttp(db, toSmtp.id, 'smtp');
  rows.push(['registrations over HTTP (again)', second.perSecond, `${second.p50} / ${second.p99}`, second.errors, '']);
  const sink = await smtpSink();
  const smtp = await deliverAll(db, smtpTransport(sink.url));
  rows.push(['e-mails delivered over SMTP (loopback)', Math.round(smtp.sent / smtp.seconds), '', 0, `${smtp.sent} sent, ${sink.received()} received`]);
  await sink.close();

  printTable('Training registration and e-mail', ['measurement', 'per second', 'latency p50 / p99 ms', 'errors', 'check'], rows);
  await handle.close();
  await scratch?.drop();
}

await main();
