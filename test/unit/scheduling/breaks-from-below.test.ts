import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerWeights } from '../../../src/domain/scheduling/exact-model';
import type { Assignment, Instance, Meeting } from '../../../src/domain/scheduling/instance';
import { parseInstance } from '../../../src/domain/scheduling/parse';
import { compileProblem } from '../../../src/domain/scheduling/problem';
import { BreaksFromBelow } from '../../../src/domain/scheduling/prove';
import { validateSchedule } from '../../../src/domain/scheduling/validate';
import { bruteForce } from './brute-force';

/** Tiny events where tables are short, so breaks come from interactions between participants. */
const tightInstance = fc
  .record({
    slots: fc.integer({ min: 2, max: 5 }),
    tables: fc.integer({ min: 1, max: 2 }),
    people: fc.integer({ min: 3, max: 6 }),
    fairness: fc.constantFrom(0, 1, 2),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('any', 'any', 'any', 'morning', 'afternoon')), { minLength: 3, maxLength: 8 }),
    unavailable: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  })
  .map(({ slots, tables, people, fairness, pairs, unavailable }): Instance => {
    const participants = Array.from({ length: people }, (_, i) => ({ id: `p${i}` }) as Instance['participants'][number]);
    for (const [p, s] of unavailable) {
      const who = participants[p % people]!;
      who.unavailable = [...new Set([...(who.unavailable ?? []), 1 + (s % slots)])];
    }
    const seen = new Set<string>();
    const meetings: Meeting[] = [];
    for (const [x, y, session] of pairs) {
      const a = x % people;
      const b = (a + 1 + (y % (people - 1))) % people;
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      meetings.push({ id: `m${meetings.length}`, a: `p${a}`, b: `p${b}`, session: session as Meeting['session'] });
    }
    return parseInstance({ slots, tables, morningSlots: Math.floor(slots / 2), fairness, participants, meetings });
  });

/** The answer's schedule, checked by the independent validator. */
function checkedReport(instance: Instance, problem: ReturnType<typeof compileProblem>, slots: Int32Array) {
  const used = new Map<number, number>();
  const assignments: Assignment[] = [];
  slots.forEach((s, m) => {
    if (s < 0) return;
    used.set(s, (used.get(s) ?? 0) + 1);
    assignments.push({ meeting: problem.meetingIds[m]!, slot: s + 1, table: used.get(s)! });
  });
  const report = validateSchedule(instance, assignments);
  expect(report.violations).toEqual([]);
  expect(report.scheduled).toBe(instance.meetings.length);
  return report;
}

describe('breaks questions: one model, asked from below by cores and from above by a limit', () => {
  it('raises its bound only up to the fewest breaks exhaustive search finds, then hands back such a schedule', () => {
    let checked = 0;
    let raised = 0;
    fc.assert(
      fc.property(tightInstance, (instance) => {
        const reference = bruteForce(instance);
        const problem = compileProblem(instance);
        if (!reference.feasible || reference.weight < problem.totalWeight) return;
        const { weights } = integerWeights(problem)!;
        const total = weights.reduce((x, y) => x + y, 0);
        if (!BreaksFromBelow.applies(problem, 0)) return;
        const asker = new BreaksFromBelow(problem, total, weights);
        for (;;) {
          const answer = asker.step(Number.POSITIVE_INFINITY);
          if (answer.outcome === 'sat') {
            // Every schedule on the way is valid; the one that meets the bound is optimal.
            const { breaks } = checkedReport(instance, problem, answer.slots);
            expect(breaks).toBeGreaterThanOrEqual(reference.breaks);
            if (breaks > asker.lowerBound) continue;
            expect(asker.lowerBound).toBe(reference.breaks);
            checked++;
            return;
          }
          expect(answer.outcome).toBe('unsat');
          // The bound is claimed only while every schedule below it has someone without a break.
          if (!BreaksFromBelow.applies(problem, asker.lowerBound - 1)) return;
          expect(asker.lowerBound).toBeLessThanOrEqual(reference.breaks);
          raised++;
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
    expect(checked).toBeGreaterThan(50);
    // Enough events need breaks for the cores to be exercised.
    expect(raised).toBeGreaterThan(10);
  });

  it('answers "at most k breaks?" no exactly below the optimum, on the same model as the cores', () => {
    let checked = 0;
    fc.assert(
      fc.property(tightInstance, (instance) => {
        const reference = bruteForce(instance);
        const problem = compileProblem(instance);
        if (!reference.feasible || reference.weight < problem.totalWeight || reference.breaks === 0) return;
        if (!BreaksFromBelow.applies(problem, reference.breaks)) return;
        const { weights } = integerWeights(problem)!;
        const asker = new BreaksFromBelow(problem, weights.reduce((x, y) => x + y, 0), weights);
        asker.step(Number.POSITIVE_INFINITY);
        expect(asker.ask(reference.breaks - 1, Number.POSITIVE_INFINITY).outcome).toBe('unsat');
        const answer = asker.ask(reference.breaks, Number.POSITIVE_INFINITY);
        if (answer.outcome !== 'sat') throw new Error(`expected a schedule with ${reference.breaks} breaks`);
        expect(checkedReport(instance, problem, answer.slots).breaks).toBeLessThanOrEqual(reference.breaks);
        checked++;
      }),
      { numRuns: 300, seed: 20261204 },
    );
    expect(checked).toBeGreaterThan(10);
  });
});
