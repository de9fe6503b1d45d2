import { describe, expect, it } from 'vitest';
import { forumSizes, generateBrokerage, generateForum } from '../../../src/domain/scheduling/generate';
import type { SolveResult } from '../../../src/domain/scheduling/instance';
import { combineResults, secondSearchFor } from '../../../src/domain/scheduling/portfolio';
import { solve } from '../../../src/domain/scheduling/solve';
import { validateSchedule } from '../../../src/domain/scheduling/validate';

function result(fields: Partial<SolveResult>): SolveResult {
  return {
    status: 'feasible',
    scheduled: 10,
    total: 10,
    weightScheduled: 10,
    breaks: 5,
    breaksLowerBound: 1,
    breaksSpread: 1,
    seconds: 1,
    assignments: [],
    weightUpperBound: 10,
    stopReason: 'time-limit',
    ...fields,
  };
}

describe('two searches side by side', () => {
  it('runs a second search on large events only: hot where no proof is attempted, else with another seed', () => {
    expect(forumSizes(0.92).map((size) => secondSearchFor(generateForum(size)))).toEqual(forumSizes(0.92).map(() => undefined));
    // The demo-sized two-sided event (3,000 meetings in 16 slots) is within the SAT proofs.
    expect(secondSearchFor(generateBrokerage({ buyers: 450, sellers: 450, meetings: 3000, slots: 16, seed: 1 }))).toEqual({ hotStart: false });
    const large = generateBrokerage({ buyers: 500, sellers: 500, meetings: 5000, slots: 40, seed: 1 });
    expect(secondSearchFor(large)).toEqual({ hotStart: true });
    // A re-plan keeps the published schedule's meetings in place: no melting it.
    expect(secondSearchFor(large, true)).toEqual({ hotStart: false });
  });

  it("proves a schedule optimal with the other search's bound when it holds all the weight", () => {
    const proof = result({ breaks: 7, breaksLowerBound: 6 });
    const schedule = result({ breaks: 6, breaksLowerBound: 4 });
    expect(combineResults([proof, schedule])).toMatchObject({ status: 'optimal', breaks: 6, breaksLowerBound: 6, stopReason: 'proven' });
    // Not when a meeting is missing and the weight bound is not reached, nor for a re-plan's moves.
    const short = result({ weightScheduled: 9, scheduled: 9, breaks: 6, breaksLowerBound: 4 });
    expect(combineResults([result({ weightScheduled: 9, scheduled: 9, breaks: 7, breaksLowerBound: 6 }), short]).status).toBe('feasible');
    const replans = [result({ breaks: 7, breaksLowerBound: 6, moved: 2 }), result({ breaks: 6, breaksLowerBound: 4, moved: 2 })];
    expect(combineResults(replans).status).toBe('feasible');
  });

  it('keeps the schedule with fewer breaks and the stronger of the two proven bounds', () => {
    const warm = result({ breaks: 7, breaksLowerBound: 3, seconds: 30 });
    const hot = result({ breaks: 5, breaksLowerBound: 1, seconds: 30.2 });
    expect(combineResults([warm, hot])).toMatchObject({ breaks: 5, breaksLowerBound: 3, seconds: 30.2 });
  });

  it('ranks a fair schedule above an unfair one, and more weight above fewer breaks', () => {
    const unfair = result({ status: 'unknown', breaks: 0, breaksLowerBound: 0 });
    const fair = result({ breaks: 9 });
    expect(combineResults([unfair, fair]).breaks).toBe(9);
    const heavier = result({ weightScheduled: 10, breaks: 8, breaksLowerBound: 2 });
    const lighter = result({ weightScheduled: 9, scheduled: 9, breaks: 2, breaksLowerBound: 6 });
    // A bound proven for schedules of weight 9 holds for those of weight 10; not the other way.
    expect(combineResults([heavier, lighter])).toMatchObject({ weightScheduled: 10, breaks: 8, breaksLowerBound: 6 });
    expect(combineResults([lighter, result({ weightScheduled: 9, breaks: 4, breaksLowerBound: 4 })])).toMatchObject({ breaks: 2, breaksLowerBound: 2 });
  });

  it('on a re-plan that puts moves first, keeps the schedule that moves fewer meetings', () => {
    const fewerMoves = result({ moved: 3, breaks: 9 });
    const fewerBreaks = result({ moved: 8, breaks: 4 });
    expect(combineResults([fewerBreaks, fewerMoves], 'moves')).toMatchObject({ moved: 3, breaks: 9 });
    expect(combineResults([fewerBreaks, fewerMoves], 'breaks')).toMatchObject({ moved: 8, breaks: 4 });
  });

  it('lets a proof win: infeasibility first, then optimality', () => {
    const optimal = result({ status: 'optimal', breaks: 2, breaksLowerBound: 2, stopReason: 'proven' });
    const cancelled = result({ breaks: 4, stopReason: 'cancelled' });
    expect(combineResults([cancelled, optimal])).toMatchObject({ status: 'optimal', breaks: 2 });
    const infeasible = result({ status: 'infeasible', scheduled: 0, breaks: 0, reasons: ['fixed meetings clash'] });
    expect(combineResults([optimal, infeasible]).status).toBe('infeasible');
  });

  it('a hot start holds every meeting and keeps every constraint', async () => {
    const instance = generateBrokerage({ buyers: 300, sellers: 300, meetings: 2500, slots: 24, seed: 5 });
    let t = 0;
    const result = await solve(instance, { timeLimitMs: 1500, hotStart: true, prove: false, now: () => (t += 1) });
    const report = validateSchedule(instance, result.assignments);
    expect(report.violations).toEqual([]);
    expect(result.scheduled).toBe(instance.meetings.length);
    expect(report.breaks).toBe(result.breaks);
  });
});
