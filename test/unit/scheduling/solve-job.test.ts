import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/domain/scheduling/instance';
import { forumSizes, generateBrokerage, generateForum } from '../../../src/domain/scheduling/generate';
import { solve } from '../../../src/domain/scheduling/solve';
import { validateSchedule } from '../../../src/domain/scheduling/validate';

describe('solve as a background job', () => {
  it('reports progress and stops promptly when cancelled, returning a valid schedule', async () => {
    const instance = generateBrokerage({ buyers: 300, sellers: 300, meetings: 2000, slots: 16, seed: 3 });
    const controller = new AbortController();
    const fractions: number[] = [];
    const started = performance.now();
    setTimeout(() => controller.abort(), 300);
    const result = await solve(instance, {
      timeLimitMs: 30_000,
      signal: controller.signal,
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.stopReason).toBe('cancelled');
    expect(validateSchedule(instance, result.assignments, { fairness: Infinity }).violations).toEqual([]);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  // Wall-clock timing belongs in the benchmark; here the clock is injected so the limit is exact.
  it('stops at its time limit, reading the time only through the injected clock', async () => {
    const instance = generateForum(forumSizes()[3]!);
    let t = 0;
    // Every reading advances this clock by exactly one second, so the limit passes at once.
    const result = await solve(instance, { timeLimitMs: 1000, now: () => (t += 1000) });
    expect(Number.isInteger(result.seconds)).toBe(true);
    expect(validateSchedule(instance, result.assignments).violations).toEqual([]);
  });
});

describe('infeasible instances', () => {
  it('names the clashing fixed meetings', async () => {
    const instance: Instance = {
      slots: 3,
      tables: 1,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c', unavailable: [3] }],
      meetings: [
        { id: 'ab', a: 'a', b: 'b', fixedSlot: 1 },
        { id: 'ac', a: 'a', b: 'c', fixedSlot: 1 },
        { id: 'bc', a: 'b', b: 'c', fixedSlot: 3 },
      ],
    };
    const result = await solve(instance, { timeLimitMs: 2000 });
    expect(result.status).toBe('infeasible');
    expect(result.assignments).toEqual([]);
    expect(result.reasons).toEqual([
      'participant "a" has two fixed meetings in slot 1: "ab" and "ac"',
      'meeting "bc" is fixed in slot 3, outside its session or when a participant is unavailable',
      'slot 1 has 2 fixed meetings for 1 tables',
    ]);
  });

  it('detects when fixed meetings make fairness impossible', async () => {
    // x must meet at 1, 3 and 5 (two breaks) while y, z and w have none: fairness 1 cannot hold.
    const instance: Instance = {
      slots: 5,
      tables: 2,
      fairness: 1,
      participants: ['x', 'y', 'z', 'w'].map((id) => ({ id })),
      meetings: [
        { id: 'xy', a: 'x', b: 'y', fixedSlot: 1 },
        { id: 'xz', a: 'x', b: 'z', fixedSlot: 3 },
        { id: 'xw', a: 'x', b: 'w', fixedSlot: 5 },
      ],
    };
    const result = await solve(instance, { timeLimitMs: 5000 });
    expect(result.status).toBe('infeasible');
    expect(result.reasons?.[0]).toContain('fairness');
  });
});

describe('re-plan priorities', () => {
  it('puts fewest moves before fewest breaks when asked to', async () => {
    const instance: Instance = {
      slots: 4,
      tables: 2,
      participants: ['A', 'B', 'D'].map((id) => ({ id })),
      meetings: [
        { id: 'AB', a: 'A', b: 'B' },
        { id: 'AD', a: 'A', b: 'D' },
      ],
    };
    // Published with a gap for A (slots 1 and 3): closing it costs a move.
    const previous = [
      { meeting: 'AB', slot: 1, table: 1 },
      { meeting: 'AD', slot: 3, table: 1 },
    ];
    const movesFirst = await solve(instance, { previous, priority: 'moves', timeLimitMs: 3000 });
    expect(movesFirst).toMatchObject({ status: 'optimal', moved: 0, breaks: 1 });
    const breaksFirst = await solve(instance, { previous, timeLimitMs: 3000 });
    expect(breaksFirst).toMatchObject({ status: 'optimal', moved: 1, breaks: 0 });
  });
});
