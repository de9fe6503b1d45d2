/**
 * The first minutes of an event: 2,000 delegates open their agendas while meeting requests arrive
 * at 200 per second. Loopback only, bounded in time. Uses DATABASE_URL when set, else PGlite.
 * The server runs in a child process (bench/load-server.ts), so the load generator here does not
 * take its CPU time from the server's event loop.
 * Run: npm run bench:load   (LOAD_SECONDS=20 for a longer run)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { machineLine, printTable } from './machine';
import { DELEGATES, REQUESTS_PER_SECOND, type LoadPlan } from './load-plan';

const seconds = Number(process.env.LOAD_SECONDS ?? 10);

async function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./load-server.ts', import.meta.url).pathname], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the load server stopped before it was ready (exit code ${String(code)})`);
  });
  const ready = (async () => {
    for await (const line of lines) if (line.startsWith('{')) return JSON.parse(line) as LoadPlan;
    throw new Error('the load server closed its output before it was ready');
  })();
  const plan = await Promise.race([ready, exited]);
  return {
    plan,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || null;
  const server = await startServer();
  const { base, eventId, readers, pairs } = server.plan;
  // One shared cursor per load: every request goes to the next delegate, whichever connection sends it.
  let nextReader = 0;
  let nextPair = 0;
  const agendas = [
    {
      method: 'GET' as const,
      path: `/api/events/${eventId}/meetings`,
      setupRequest: (request: autocannon.Request) => ({ ...request, headers: { authorization: `Bearer ${readers[nextReader++ % readers.length]}` } }),
    },
  ];
  const requests = [
    {
      method: 'POST' as const,
      path: `/api/events/${eventId}/meeting-requests`,
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
  const agendasPerSecond = Math.ceil(DELEGATES / seconds);
  const [reading, writing] = await Promise.all([
    // Every one of the 2,000 opens their agenda once during the run, at an even pace.
    autocannon({ url: base, connections: 50, duration: seconds, overallRate: agendasPerSecond, requests: agendas }),
    autocannon({ url: base, connections: 20, duration: seconds, overallRate: REQUESTS_PER_SECOND, requests }),
  ]);
  await server.stop();

  const row = (name: string, r: autocannon.Result) => [name, r.requests.total, Math.round(r.requests.average), r.latency.p50, r.latency.p99, r['2xx'], r['4xx'], r['5xx'] + r.errors + r.timeouts];
  console.log(`Machine: ${machineLine()}`);
  console.log(`Database: ${databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite'} · ${seconds} s · ${readers.length} signed-in delegates`);
  printTable('First minutes of an event (both loads at once)', ['load', 'requests', 'req/s', 'p50 ms', 'p99 ms', '2xx', '4xx', 'errors (5xx, failed, timed out)'], [
    row(`${readers.length} delegates opening their agendas (${agendasPerSecond} per second)`, reading),
    row(`meeting requests at ${REQUESTS_PER_SECOND}/s`, writing),
  ]);
  console.log('Target on PostgreSQL: p99 under 200 ms, zero errors.');
}

await main();
