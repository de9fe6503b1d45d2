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

  // Cancellations open gaps, and the fairness limit may then force moves; without that limit
  // every remaining meeting can stay where it is.
  it('re-plans after cancellations without moving any meeting that can stay', async () => {
    const built = await solveSideBySide(instance, { timeLimitMs: 2000 });
    const cancelled = new Set(instance.meetings.filter((_, i) => i % 50 === 0).map((m) => m.id));
    const remaining = { ...instance, meetings: instance.meetings.filter((m) => !cancelled.has(m.id)) };
    let results: SolveResult[] = [];
    const replanned = await solveSideBySide(remaining, {
      timeLimitMs: 2000,
      previous: built.assignments,
      priority: 'moves',
      fairness: 100,
      onSearchResults: (r) => (results = r),
    });
    expect(results).toHaveLength(searches);
    expect(validateSchedule(remaining, replanned.assignments, { fairness: 100 }).violations).toEqual([]);
    expect(replanned.scheduled).toBe(remaining.meetings.length);
    expect(results.map((r) => r.moved)).toEqual(results.map(() => 0));
    expect(replanned.moved).toBe(0);
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
