/**
 * A worker thread running one search of the scheduler (see solve-side-by-side.ts): it solves
 * until the shared deadline or until told to stop, then posts its result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from '../domain/scheduling/index';
import type { SolveWorkerInput } from './solve-side-by-side';

const { instance, options, deadline } = (workerData as { input: SolveWorkerInput }).input;
const controller = new AbortController();
parentPort!.on('message', (message) => {
  if (message === 'stop') controller.abort();
});
const result = await solve(instance, { ...options, timeLimitMs: Math.max(0, deadline - Date.now()), signal: controller.signal });
parentPort!.postMessage(result);
