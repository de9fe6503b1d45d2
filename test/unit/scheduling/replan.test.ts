import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment, Instance } from '../../../src/domain/scheduling/instance';
import { solve } from '../../../src/domain/scheduling/solve';
import { validateSchedule } from '../../../src/domain/scheduling/validate';
import { bruteForce } from './brute-force';

const people = (...ids: string[]) => ids.map((id) => ({ id }));

describe('re-planning a published schedule', () => {
  const instance: Instance = {
    slots: 4,
    tables: 2,
    participants: people('A', 'B', 'C', 'D', 'E'),
    meetings: [
      { id: 'AB', a: 'A', b: 'B' },
      { id: 'AC', a: 'A', b: 'C' },
      { id: 'AD', a: 'A', b: 'D' },
    ],
  };
  const published: Assignment[] = [
    { meeting: 'AB', slot: 1, table: 1 },
    { meeting: 'AC', slot: 2, table: 1 },
    { meeting: 'AD', slot: 3, table: 1 },
  ];

  it('moves nothing when nothing changed', async () => {
    const result = await solve(instance, { previous: published, timeLimitMs: 5000 });
    expect(result.status).toBe('optimal');
    expect(result.moved).toBe(0);
    expect(result.assignments).toEqual(published);
  });

  it('after a cancellation moves one meeting to close the gap, and no more', async () => {
    // Without AC, A meets at 1 and 3 (one break); closing it needs exactly one move.
    const cancelled: Instance = { ...instance, meetings: instance.meetings.filter((m) => m.id !== 'AC') };
    const result = await solve(cancelled, { previous: published, timeLimitMs: 5000 });
    expect(validateSchedule(cancelled, result.assignments).valid).toBe(true);
    expect(result.status).toBe('optimal');
    expect(result.breaks).toBe(0);
    expect(result.moved).toBe(1);
  });

  it('fits a newly accepted request in without moving anyone', async () => {
    const grown: Instance = { ...instance, meetings: [...instance.meetings, { id: 'AE', a: 'A', b: 'E' }] };
    const result = await solve(grown, { previous: published, timeLimitMs: 5000 });
    expect(result.status).toBe('optimal');
    expect(result.moved).toBe(0);
    expect(result.assignments.find((a) => a.meeting === 'AE')?.slot).toBe(4);
  });

  it('moves a meeting whose participant became unavailable, keeping the others and their tables', async () => {
    const changed: Instance = { ...instance, participants: [{ id: 'A' }, { id: 'B', unavailable: [1] }, ...people('C', 'D', 'E')] };
    const result = await solve(changed, { previous: published, timeLimitMs: 5000 });
    expect(validateSchedule(changed, result.assignments).valid).toBe(true);
    expect(result.scheduled).toBe(3);
    expect(result.breaks).toBe(0);
    // AB must leave slot 1; A's day stays contiguous by putting it at 4.
    expect(result.moved).toBe(1);
    expect(result.assignments).toContainEqual({ meeting: 'AC', slot: 2, table: 1 });
    expect(result.assignments).toContainEqual({ meeting: 'AD', slot: 3, table: 1 });
  });

  it('moves exactly as few meetings as exhaustive search says, on random small changes', async () => {
    const scenario = fc.record({
      pairs: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 2, maxLength: 6 }),
      previous: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }),
      away: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 })), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ pairs, previous, away }) => {
        const participants = people('p0', 'p1', 'p2', 'p3').map((p, i) => ({
          ...p,
          unavailable: away.filter(([who]) => who === i).map(([, slot]) => slot),
        }));
        const meetings = pairs.map(([a, step], i) => ({ id: `m${i}`, a: `p${a}`, b: `p${(a + step) % 4}` }));
        const instance: Instance = { slots: 4, tables: 2, participants, meetings };
        // A published schedule: any slots, some meetings new (0 = not in it), even clashing ones.
        const published: Assignment[] = meetings
          .map((m, i) => ({ meeting: m.id, slot: previous[i]!, table: 1 }))
          .filter((a) => a.slot > 0);
        const reference = bruteForce(instance, 2, new Map(published.map((a) => [a.meeting, a.slot])));
        const result = await solve(instance, { previous: published, timeLimitMs: 5000, seed: 5 });
        expect(validateSchedule(instance, result.assignments).violations).toEqual([]);
        expect(result.status).toBe('optimal');
        expect(result.weightScheduled).toBe(reference.weight);
        expect(result.breaks).toBe(reference.breaks);
        expect(result.moved).toBe(reference.moved);
      }),
      { numRuns: 120, seed: 11 },
    );
  }, 60_000);
});
