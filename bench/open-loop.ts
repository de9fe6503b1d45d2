import http from 'node:http';

export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  sent: number;
  perSecond: number;
  p50: number;
  p99: number;
  byClass: { '2xx': number; '4xx': number; '5xx': number };
  failed: number;
}

/**
 * Sends `rate` requests per second, evenly spaced, for `seconds`, whether or not earlier ones have
 * been answered (an open loop, as independent delegates behave). Latency is counted from when a
 * request was due, so a server that falls behind shows it in the figures instead of slowing the
 * load down.
 */
export async function openLoop(base: string, rate: number, seconds: number, next: () => PlannedRequest): Promise<OpenLoopResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const byClass = { '2xx': 0, '4xx': 0, '5xx': 0 };
  let failed = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const planned = next();
      const request = http.request(
        { host: url.hostname, port: url.port, method: planned.method, path: planned.path, headers: planned.headers, agent, timeout: 30_000 },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            const status = response.statusCode ?? 0;
            if (status >= 500) byClass['5xx']++;
            else if (status >= 400) byClass['4xx']++;
            else byClass['2xx']++;
            resolve();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', () => {
        failed++;
        resolve();
      });
      request.end(planned.body);
    });

  let fired = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (fired < total && start + (fired * 1000) / rate <= now) {
        pending.push(send(start + (fired * 1000) / rate));
        fired++;
      }
      if (fired < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  const sorted = latencies.sort((x, y) => x - y);
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : 0);
  return { sent: total, perSecond: Math.round(total / seconds), p50: at(0.5), p99: at(0.99), byClass, failed };
}
