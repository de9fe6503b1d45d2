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
import { machineLine, printTable } from './machine';
import { DELEGATES, REQUESTS_PER_SECOND, type LoadPlan } from './load-plan';
import { openLoop, type OpenLoopResult, type PlannedRequest } from './open-loop';

const seconds = Number(process.env.LOAD_SECONDS ?? 10);

async function startServer() {
  // LOAD_SERVER_NODE_ARGS, e.g. "--cpu-prof", profiles the server rather than the load generator.
  const nodeArgs = process.env.LOAD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', new URL('./load-server.ts', import.meta.url).pathname], {
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
  // One shared cursor per load: every request goes to the next delegate.
  let nextReader = 0;
  let nextPair = 0;
  const openAgenda = (): PlannedRequest => ({
    method: 'GET',
    path: `/api/events/${eventId}/meetings`,
    headers: { authorization: `Bearer ${readers[nextReader++ % readers.length]}` },
  });
  const requestMeeting = (): PlannedRequest => {
    const pair = pairs[nextPair++ % pairs.length]!;
    return {
      method: 'POST',
      path: `/api/events/${eventId}/meeting-requests`,
      headers: { authorization: `Bearer ${pair.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ toDelegateId: pair.to, message: 'Shall we meet at the conference?' }),
    };
  };
  // Doors open on a server that has been up for a while: its code is compiled and its pool
  // connected. Warm it with a few agendas, then wait until every read cache has expired (5 s),
  // so the measured requests find nothing cached.
  await openLoop(base, 100, 2, openAgenda);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  // Every one of the 2,000 opens their agenda once during the run, at an even pace.
  const agendasPerSecond = Math.ceil(DELEGATES / seconds);
  const [reading, writing] = await Promise.all([
    openLoop(base, agendasPerSecond, seconds, openAgenda),
    openLoop(base, REQUESTS_PER_SECOND, seconds, requestMeeting),
  ]);
  await server.stop();

  const row = (name: string, r: OpenLoopResult) => [name, r.sent, r.perSecond, r.p50, r.p99, r.byClass['2xx'], r.byClass['4xx'], r.byClass['5xx'] + r.failed];
  console.log(`Machine: ${machineLine()}`);
  console.log(`Database: ${databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite'} · ${seconds} s · ${readers.length} signed-in delegates`);
  printTable('First minutes of an event (both loads at once, open loop: latency counted from when each request was due)', ['load', 'requests', 'req/s', 'p50 ms', 'p99 ms', '2xx', '4xx', 'errors (5xx, failed, timed out)'], [
    row(`${readers.length} delegates opening their agendas (${agendasPerSecond} per second)`, reading),
    row(`meeting requests at ${REQUESTS_PER_SECOND}/s`, writing),
  ]);
  console.log('Target on PostgreSQL: p99 under 200 ms, zero errors.');
}

await main();
