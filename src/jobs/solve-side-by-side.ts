/**
 * Runs the scheduler on two cores where that helps (large events, see `secondSearchFor`): this
 * thread searches as usual while a worker thread runs the second search (from a hot start, or
 * with another seed and no proof), and the better schedule is kept with what either proved
 * (`combineResults`). Elsewhere, or on a single core, it is just `solve`.
 */
import { availableParallelism } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { combineResults, secondSearchFor, solve, type Instance, type SolveOptions, type SolveResult } from '../domain/scheduling/index';

export interface SolveWorkerInput {
  instance: Instance;
  options: Omit<SolveOptions, 'signal' | 'onProgress' | 'now' | 'timeLimitMs'>;
  /** Wall-clock end of the search, in `Date.now()` milliseconds. */
  deadline: number;
}

/** How long the second search may take to hand in its result once the first has ended. */
const COMPANION_GRACE_MS = 2_000;

interface Companion {
  /** Its result, or undefined when it failed or did not answer in time. */
  result: Promise<SolveResult | undefined>;
  stop(): void;
  terminate(): Promise<void>;
}

function startCompanion(input: SolveWorkerInput, log: (message: string) => void): Companion {
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./solve-worker.ts', import.meta.url).href, input },
  });
  let settle: (result: SolveResult | undefined) => void = () => {};
  const result = new Promise<SolveResult | undefined>((resolve) => (settle = resolve));
  worker.once('message', (message: SolveResult) => settle(message));
  worker.once('error', (error) => {
    log(`the second search failed, the first one's schedule is used: ${error.message}`);
    settle(undefined);
  });
  worker.once('exit', () => settle(undefined));
  return {
    result,
    stop: () => worker.postMessage('stop'),
    terminate: async () => {
      settle(undefined);
      await worker.terminate();
    },
  };
}

export async function solveSideBySide(
  instance: Instance,
  options: SolveOptions & {
    timeLimitMs: number;
    /** Where a failure of the second search is reported (it never fails the solve): a process warning by default. */
    log?: (message: string) => void;
    /** Each search's own result (the usual one first), before they are combined. */
    onSearchResults?: (results: SolveResult[]) => void;
  },
): Promise<SolveResult> {
  const { log = (message: string) => process.emitWarning(message), onSearchResults, ...solveOptions } = options;
  const second = secondSearchFor(instance, options.previous !== undefined);
  if (!second || availableParallelism() < 2 || options.signal?.aborted) {
    const result = await solve(instance, solveOptions);
    onSearchResults?.([result]);
    return result;
  }
  const companion = startCompanion(
    {
      instance,
      options: {
        ...(options.fairness !== undefined ? { fairness: options.fairness } : {}),
        ...(options.previous ? { previous: options.previous } : {}),
        ...(options.priority ? { priority: options.priority } : {}),
        seed: (options.seed ?? 1) + 1,
        prove: false,
        hotStart: second.hotStart,
      },
      deadline: Date.now() + options.timeLimitMs,
    },
    log,
  );
  try {
    // A proof by the second search ends the first.
    const proven = new AbortController();
    void companion.result.then((r) => {
      if (r?.status === 'optimal' || r?.status === 'infeasible') proven.abort();
    });
    const signal = options.signal ? AbortSignal.any([options.signal, proven.signal]) : proven.signal;
    const first = await solve(instance, { ...solveOptions, signal });
    if (first.status === 'optimal' || first.status === 'infeasible') {
      onSearchResults?.([first]);
      return first;
    }
    companion.stop();
    const other = await Promise.race([companion.result, delay(COMPANION_GRACE_MS, undefined, { ref: false })]);
    onSearchResults?.(other ? [first, other] : [first]);
    return other ? combineResults([first, other], options.priority) : first;
  } finally {
    await companion.terminate();
  }
}
