import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBrokerage } from '../../../src/domain/scheduling/generate';
import type { Instance, Meeting } from '../../../src/domain/scheduling/instance';
import { breaksLowerBound } from '../../../src/domain/scheduling/lower-bound';
import { parseInstance } from '../../../src/domain/scheduling/parse';
import { compileProblem } from '../../../src/domain/scheduling/problem';
import { solve } from '../../../src/domain/scheduling/solve';
import { validateSchedule } from '../../../src/domain/scheduling/validate';
import { bruteForce } from './brute-force';

/** A value one time in `rarity`, otherwise null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, rarity: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: rarity - 1 }, { arbitrary, weight: 1 });

/** Tiny instances with every feature: sessions, availability, fixed slots, precedences, limits, weights. */
const tinyInstance = fc
  .record({
    slots: fc.integer({ min: 1, max: 5 }),
    tables: fc.integer({ min: 1, max: 3 }),
    people: fc.integer({ min: 2, max: 5 }),
    fairness: fc.constantFrom(0, 1, 1, 2, 2, 2),
    meetings: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        session: fc.constantFrom('any', 'any', 'morning', 'afternoon'),
        fixed: sometimes(fc.nat(), 12),
        after: sometimes(fc.nat(), 5),
        weight: fc.constantFrom(1, 1, 1, 2, 3),
      }),
      { minLength: 2, maxLength: 7 },
    ),
    unavailable: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    limits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 2 }),
  })
  .map(({ slots, tables, people, fairness, meetings, unavailable, limits }): Instance => {
    const participants = Array.from({ length: people }, (_, i) => ({ id: `p${i}` }) as Instance['participants'][number]);
    for (const [p, s] of unavailable) {
      const who = participants[p % people]!;
      who.unavailable = [...new Set([...(who.unavailable ?? []), 1 + (s % slots)])];
    }
    for (const [p, n] of limits) participants[p % people]!.maxMeetings = n;
    const list: Meeting[] = [];
    meetings.forEach((m, i) => {
      const a = m.a % people;
      const b = (a + 1 + (m.b % (people - 1))) % people;
      const meeting: Meeting = { id: `m${i}`, a: `p${a}`, b: `p${b}`, session: m.session as Meeting['session'], weight: m.weight };
      if (m.fixed !== null) meeting.fixedSlot = 1 + (m.fixed % slots);
      if (m.after !== null && i > 0) meeting.after = [`m${m.after % i}`];
      list.push(meeting);
    });
    return parseInstance({ slots, tables, morningSlots: Math.floor(slots / 2), fairness, participants, meetings: list });
  });

describe('solver against exhaustive search', () => {
  it('never claims more than it proves, and proves tiny instances optimal', async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance, async (instance) => {
        const reference = bruteForce(instance);
        const result = await solve(instance, { timeLimitMs: 5000, seed: 3 });
        if (!reference.feasible) {
          expect(result.status).toBe('infeasible');
          return;
        }
        expect(result.status).not.toBe('infeasible');
        const report = validateSchedule(instance, result.assignments);
        expect(report.violations).toEqual([]);
        expect(report.breaks).toBe(result.breaks);
        expect(report.weightScheduled).toBeCloseTo(result.weightScheduled);
        expect(result.weightScheduled).toBeLessThanOrEqual(reference.weight + 1e-9);
        if (Math.abs(result.weightScheduled - reference.weight) < 1e-9) {
          expect(result.breaksLowerBound).toBeLessThanOrEqual(reference.breaks);
        }
        // Tiny instances are always proven within the time limit.
        expect(result.status).toBe('optimal');
        expect(result.weightScheduled).toBeCloseTo(reference.weight);
        expect(result.breaks).toBe(reference.breaks);
      }),
      { numRuns: 400, seed: 20240501 },
    );
  }, 120_000);
});

describe('bounds on an event of the demo size', () => {
  it('reports the breaks its proof forces beyond what each participant alone forces', async () => {
    // 900 delegates, 3,000 meetings, 16 slots: each participant alone forces 5 breaks, and the
    // core-guided proof finds a sixth within a second of solver time.
    const instance = generateBrokerage({ buyers: 450, sellers: 450, meetings: 3000, slots: 16, seed: 1 });
    const alone = breaksLowerBound(compileProblem(instance, {})).total;
    const result = await solve(instance, { timeLimitMs: 8000, seed: 1 });
    expect(validateSchedule(instance, result.assignments).violations).toEqual([]);
    expect(result.scheduled).toBe(3000);
    expect(result.breaksLowerBound).toBeGreaterThan(alone);
    expect(result.breaksLowerBound).toBeLessThanOrEqual(result.breaks);
  }, 30_000);
});
