import { describe, expect, it } from 'vitest';
import { constructGreedy, placeFixed } from '../../../src/domain/scheduling/construct';
import { generateBrokerage, generateForum } from '../../../src/domain/scheduling/generate';
import type { Instance } from '../../../src/domain/scheduling/instance';
import { KempeMove } from '../../../src/domain/scheduling/kempe';
import { compileProblem } from '../../../src/domain/scheduling/problem';
import { createRandom } from '../../../src/domain/scheduling/random';
import { ScheduleState } from '../../../src/domain/scheduling/schedule-state';
import { assignTables } from '../../../src/domain/scheduling/tables';
import { validateSchedule } from '../../../src/domain/scheduling/validate';

/**
 * The annealing trusts what a move says it will change without re-checking the schedule, so a
 * wrong prediction would silently corrupt breaks, fairness or double-book someone.
 */
function checkPredictions(instance: Instance, fairness: number, moves: number): void {
  const problem = compileProblem(instance, { fairness });
  const state = new ScheduleState(problem);
  const random = createRandom(3);
  placeFixed(state);
  constructGreedy(state, random);
  const move = new KempeMove(problem.meetingCount);
  let applied = 0;
  for (let i = 0; i < moves; i++) {
    const m = random.below(problem.meetingCount);
    const t = random.below(problem.slots);
    if (!move.evaluate(state, m, t)) continue;
    const before = state.costs();
    const idleBefore = state.totalIdle;
    const predicted = { breaks: move.deltaBreaks, unfairness: move.deltaUnfairness, idle: move.deltaIdle };
    move.apply(state);
    applied++;
    const after = state.costs();
    expect({ breaks: after.breaks - before.breaks, unfairness: after.unfairness - before.unfairness, idle: state.totalIdle - idleBefore }).toEqual(
      predicted,
    );
  }
  expect(applied).toBeGreaterThan(moves / 10);
  const tables = assignTables(problem, state.slotOf);
  const assignments = [];
  for (let m = 0; m < problem.meetingCount; m++) {
    const s = state.slotOf[m]!;
    if (s >= 0) assignments.push({ meeting: problem.meetingIds[m]!, slot: s + 1, table: tables[m]! + 1 });
  }
  const report = validateSchedule(instance, assignments, { fairness: Number.POSITIVE_INFINITY });
  expect(report.violations).toEqual([]);
  expect(report.breaks).toBe(state.totalBreaks);
}

describe('Kempe-chain moves', () => {
  it('change breaks, fairness and idle slots exactly as predicted, and never double-book', () => {
    checkPredictions(generateBrokerage({ buyers: 60, sellers: 40, meetings: 300, slots: 12, seed: 4, followUpShare: 0.05 }), 2, 20_000);
  });

  it('predict fairness right when someone is pushed past the limit', () => {
    // Fairness 0 makes almost every change of a break count change the unfairness too.
    checkPredictions(generateForum({ participants: 30, meetings: 120, slots: 10, tables: 14, seed: 8 }), 0, 20_000);
  });
});
