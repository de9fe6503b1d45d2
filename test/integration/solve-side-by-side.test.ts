import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { generateBrokerage } from '../../src/domain/scheduling/generate';
import type { SolveResult } from '../../src/domain/scheduling/instance';
import { validateSchedule } from '../../src/domain/scheduling/validate';
import { solveSideBySide } from '../../src/jobs/solve-side-by-side';

// Large enough for the second search (beyond the SAT proofs), small enough to build quickly.
const instance = generateBrokerage({ buyers: 400, sellers: 400, meetings: 4000, slots: 40, seed: 2 });
const searches = availableParallelism() >= 2 ? 2 : 1;

describe('the scheduler on two cores', () => {
  it('runs a hot-started search in a worker thread and keeps the better of the two valid schedules', async () => {
    let results: SolveResult[] = [];
    const result = await solveSideBySide(instance, { timeLimitMs: 3000, onSearchResults: (r) => (results = r) });
    expect(results).toHaveLength(searches);
    for (const r of results) expect(validateSchedule(instance, r.assignments).violations).toEqual([]);
    expect(validateSchedule(instance, result.assignments).violations).toEqual([]);
    expect(result.scheduled).toBe(instance.meetings.length);
    expect(result.breaks).toBe(Math.min(...results.map((r) => r.breaks)));
    expect(result.breaksLowerBound).toBe(Math.max(...results.map((r) => r.breaksLowerBound)));
  });

  it('stops both searches when cancelled and returns the best schedule so far', async () => {
    const controller = new AbortController();
    let results: SolveResult[] = [];
    setTimeout(() => controller.abort(), 1500);
    const started = performance.now();
    const result = await solveSideBySide(instance, { timeLimitMs: 60_000, signal: controller.signal, onSearchResults: (r) => (results = r) });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.stopReason).toBe('cancelled');
    expect(results).toHaveLength(searches);
    expect(validateSchedule(instance, result.assignments).violations).toEqual([]);
  });
});
