/**
 * Two searches of the same instance side by side (an algorithm portfolio). On large events too
 * big for the proofs the best start temperature of the annealing depends on the event's shape
 * (see annealer.ts), so where a second core is free one search starts warm and the other hot;
 * on large events within the proofs the second anneals with another seed while the first
 * shares its time with the proof. The better schedule is kept with everything either proved.
 * Running the searches is the caller's business (threads are I/O); deciding when a second one
 * helps and combining their answers is pure.
 */
import { exactModelVariables } from './exact-model';
import type { Instance, SolveResult } from './instance';
import { compareCosts, isLargeEvent, type Priority } from './local-search';
import type { Costs } from './schedule-state';
import { PROOF_SIZE_LIMIT } from './solve';

/**
 * The second search worth a core, if any. Large events too big for the SAT proofs: one started
 * hot (their result is whatever the annealing reaches in time). Large events within the proofs:
 * the usual annealing with another seed and no proof, which finds schedules the first search,
 * sharing its time with the proof, misses. A re-plan never starts hot: the fewest moves lie
 * near the published schedule, and melting it only wanders away from them. (Sized from the
 * instance without compiling it: meetings × slots bounds the variables the proof model has.)
 */
export function secondSearchFor(instance: Instance, replanning = false): { hotStart: boolean } | undefined {
  const M = instance.meetings.length;
  if (!isLargeEvent({ meetingCount: M })) return undefined;
  const T = instance.slots;
  const satVariablesAtMost = exactModelVariables(M * T, instance.participants.length, T, M);
  return { hotStart: !replanning && satVariablesAtMost > PROOF_SIZE_LIMIT };
}

const EPS = 1e-9;

/**
 * A result's objective values in the terms the search ranks schedules by (`compareCosts`). The
 * results are of one instance, so the weight left out can be counted from any common origin.
 */
function costsOf(result: SolveResult): Costs {
  return {
    unfairness: result.status === 'unknown' ? 1 : 0,
    unscheduledWeight: -result.weightScheduled,
    breaks: result.breaks,
    moved: result.moved ?? 0,
  };
}

/**
 * The answer of several searches of one instance: a proof of infeasibility or optimality wins;
 * otherwise the best schedule, with the strongest lower bound that applies to it (a bound holds
 * for every fair schedule holding at least the weight of the search that proved it) and the
 * smallest weight upper bound.
 */
export function combineResults(results: readonly SolveResult[], priority: Priority = 'breaks'): SolveResult {
  if (results.length === 0) throw new Error('combineResults needs at least one result');
  const seconds = Math.max(...results.map((r) => r.seconds));
  const proven = results.find((r) => r.status === 'infeasible') ?? results.find((r) => r.status === 'optimal');
  if (proven) return { ...proven, seconds };
  const best = results.reduce((x, y) => (compareCosts(costsOf(y), costsOf(x), priority) < 0 ? y : x));
  const combined: SolveResult = { ...best, seconds, weightUpperBound: Math.min(...results.map((r) => r.weightUpperBound)) };
  if (best.status !== 'unknown') {
    let bound = best.breaksLowerBound;
    for (const r of results) {
      if (r.status !== 'unknown' && r.weightScheduled <= best.weightScheduled + EPS) bound = Math.max(bound, r.breaksLowerBound);
    }
    combined.breaksLowerBound = Math.min(best.breaks, bound);
    // One search's bound can prove the other's schedule optimal: all the weight any schedule can
    // hold, and no fewer breaks possible. (A re-plan would need its moves proven too.)
    const allWeight = Math.abs(combined.weightScheduled - combined.weightUpperBound) <= EPS;
    if (best.moved === undefined && allWeight && combined.breaks === combined.breaksLowerBound) {
      combined.status = 'optimal';
      combined.stopReason = 'proven';
    }
  }
  return combined;
}
