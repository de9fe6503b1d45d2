/**
 * The scheduler: turns an instance into the best schedule it can find and proves what it can.
 * Greedy construction → simulated annealing with Kempe chains until the bounds are met or the
 * search stalls → SAT proofs level by level (weight, then breaks, then moves), each of which
 * either proves the current value optimal or hands back a better schedule to polish.
 * Runs in slices and yields to the event loop, so a job runner can report progress and cancel.
 */
import { constructGreedy, placeFixed, placePrevious } from './construct';
import { constructBySweep } from './sweep';
import { Inserter } from './insertion';
import { exactModelSize, integerWeights } from './exact-model';
import type { Assignment, Instance, SolveResult, StopReason } from './instance';
import { Annealer } from './annealer';
import { LocalSearch, compareCosts, isLargeEvent, type Priority } from './local-search';
import { ProofLedger, sameLevel } from './proof-ledger';
import { breaksLowerBound, weightUpperBound } from './lower-bound';
import { compileProblem, findFixedConflicts, type Problem } from './problem';
import { BreaksFromBelow, Proof, type ProofAnswer } from './prove';
import { createRandom } from './random';
import { ScheduleState, type Costs } from './schedule-state';
import { assignTables } from './tables';

export interface SolveOptions {
  /** Wall-clock budget in milliseconds (default 10 s). The search stops earlier once proven. */
  timeLimitMs?: number;
  /** Overrides the instance's fairness limit d. */
  fairness?: number;
  seed?: number;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  /** The published schedule, for a re-plan that moves as few meetings as possible. */
  previous?: readonly Assignment[];
  /** Which comes second after weight: fewest breaks (the default) or fewest moves. */
  priority?: Priority;
  /** Whether to run SAT proofs (default: when the instance is small enough). */
  prove?: boolean;
  /**
   * Start the annealing hot and cool once over the whole time (see annealer.ts): the second of
   * the two searches run side by side on large events.
   */
  hotStart?: boolean;
  /** Milliseconds clock; injected so the algorithms never read the time themselves. */
  now?: () => number;
}

/**
 * Above this many SAT variables a proof is not attempted: the bounds are reported instead. The
 * demo-sized event (3,000 meetings, 16 slots) has 85,000; 30,000 meetings in 32 slots 1.1 million.
 */
export const PROOF_SIZE_LIMIT = 150_000;
const SLICE_MS = 25;
/** Annealing before the first proof attempt, at most: the SAT solver often finds better schedules sooner. */
const INITIAL_ANNEALING_MS = 500;
const REPORT_INTERVAL_MS = 250;
/**
 * One proof step in this many asks "at most halfway?" from above; the rest go on from below.
 * Each switch restarts the solver's search; on 56 crowded forum-shaped events with breaks, 5 s
 * each, one in six proved 37–42 (three runs) against 35–37 with one in three.
 */
const FROM_ABOVE_EVERY = 6;

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export async function solve(instance: Instance, options: SolveOptions = {}): Promise<SolveResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limit = options.timeLimitMs ?? 10_000;
  const deadline = started + limit;
  const priority = options.priority ?? 'breaks';
  const problem = compileProblem(instance, { fairness: options.fairness });
  const seconds = (): number => (now() - started) / 1000;
  let lastReport = Number.NEGATIVE_INFINITY;
  // At most a few reports a second: a job runner may store each one.
  const report = (message: string, fraction?: number): void => {
    if (fraction === undefined && now() - lastReport < REPORT_INTERVAL_MS) return;
    lastReport = now();
    options.onProgress?.(fraction ?? Math.min(0.99, (now() - started) / limit), message);
  };
  const stopped = (): boolean => options.signal?.aborted === true;

  const conflicts = findFixedConflicts(problem);
  if (conflicts.length > 0) {
    report('infeasible', 1);
    return infeasibleResult(problem, conflicts, seconds());
  }
  const previous = options.previous ? previousSlots(problem, options.previous) : undefined;
  const random = createRandom(options.seed ?? 1);
  const state = new ScheduleState(problem, previous?.slots);
  report('building a first schedule', 0);
  placeFixed(state);
  if (previous) placePrevious(state, previous.slots);
  else constructBySweep(state, random);
  constructGreedy(state, random);
  const search = new LocalSearch(state, random, priority);
  const annealer = new Annealer(
    search,
    new Inserter(state),
    random,
    now,
    Math.min(40_000_000, Math.max(5_000, 5000 * problem.meetingCount)),
    options.hotStart ? 'hot' : 'warm',
  );
  annealer.insertMissing();

  const weightBound = weightUpperBound(problem);
  const ledger = new ProofLedger(priority === 'breaks' ? ['weight', 'breaks', 'moved'] : ['weight', 'moved', 'breaks'], {
    weight: weightBound,
    breaksIfAllHeld: breaksLowerBound(problem).total,
    moved: previous ? unavoidableMoves(problem, previous.slots) : 0,
    totalWeight: problem.totalWeight,
    replanning: previous !== undefined,
  });
  const allProven = (): boolean => ledger.allProven(search.bestCosts);
  /** Takes a schedule found by a proof attempt unless the annealing has found better since. */
  const adoptIfBetter = (slots: Int32Array): void => {
    const kept = search.bestSlots;
    state.restore(slots);
    if (compareCosts(state.costs(), search.bestCosts, priority) < 0) search.adopt();
    else state.restore(kept);
  };
  let lastYield = now();
  /** Yields now and then; true when the search must end. */
  const pause = async (): Promise<boolean> => {
    if (now() - lastYield >= SLICE_MS) {
      await yieldToEventLoop();
      lastYield = now();
    }
    return stopped() || now() >= deadline;
  };
  const anneal = async (until: number, patience: number): Promise<void> => {
    while (!allProven() && annealer.quietCycles < patience && now() < until) {
      annealer.runBatch(until, deadline);
      report(describe(search.bestCosts, ledger.breaksBound(search.bestCosts)));
      if (await pause()) return;
    }
  };

  const weights = integerWeights(problem);
  const canProve = (options.prove ?? true) && weights !== undefined && exactModelSize(problem) <= PROOF_SIZE_LIMIT;
  let noFairSchedule = false;
  if (!canProve) await anneal(deadline, Number.POSITIVE_INFINITY);
  else {
    // Anneal briefly, then alternate proof attempts with more annealing: a proof either closes
    // a level or hands back a better schedule. For breaks, two questions run side by side:
    // "as few as the proven lower bound?" (where tight tables hide schedules the annealing
    // misses, the solver finds them quickly; a "no" raises the bound by one, on the same model)
    // and "halfway between the bound and the best?" (a "yes" improves the best, a "no" raises
    // the bound).
    await anneal(started + Math.min(limit * 0.35, INITIAL_ANNEALING_MS), 3);
    let budget = 300;
    // Annealing time per unit of proof time: grows while the annealing keeps improving the best
    // schedule (large two-sided events), shrinks while it does not (tight tables, where the
    // solver finds what the annealing misses).
    let annealingShare = 2;
    // A large event's annealing improves late in its one long cycle, not steadily, and its proof
    // finds what it can (cores of participants forced to a break) within a second: the annealing
    // keeps at least 80% of the time.
    const leastAnnealingShare = isLargeEvent(problem) ? 4 : 0.05;
    /**
     * After a proof step that took `took` ms: adapts the conflict budget so a step takes 20–80
     * ms, then anneals alongside; says whether the search must end, the best schedule improved,
     * or the proof goes on.
     */
    const afterStep = async (took: number, best: Costs): Promise<'stop' | 'improved' | 'again'> => {
      budget = took < 20 ? Math.min(50_000, budget * 2) : took > 80 ? Math.max(100, budget >> 1) : budget;
      if (await pause()) return 'stop';
      // Keep annealing alongside; a better schedule restarts the proof.
      await anneal(Math.min(deadline, now() + took * annealingShare), Number.POSITIVE_INFINITY);
      if (compareCosts(search.bestCosts, best, priority) < 0) {
        annealingShare = Math.min(4, annealingShare * 2);
        return 'improved';
      }
      annealingShare = Math.max(leastAnnealingShare, annealingShare * 0.8);
      return 'again';
    };
    /**
     * Steps a proof until it answers "no" ('unsat'), hands back a schedule or the annealing
     * improves the best one ('done'), or the search must end ('stop').
     */
    const pursue = async (step: () => ProofAnswer, best: Costs): Promise<'unsat' | 'done' | 'stop'> => {
      for (;;) {
        const stepStart = now();
        const answer = step();
        if (answer.outcome === 'unsat') return 'unsat';
        if (answer.outcome === 'sat') {
          adoptIfBetter(answer.slots);
          return 'done';
        }
        const next = await afterStep(now() - stepStart, best);
        if (next !== 'again') return next === 'stop' ? 'stop' : 'done';
      }
    };
    let questions: { asker: BreaksFromBelow; costs: Costs } | undefined;
    /** Where the core-guided bound went past what its model can prove (see below). */
    let beyondCores: Costs | undefined;
    while (!allProven() && !stopped() && now() < deadline) {
      const best = search.bestCosts;
      const level = ledger.levels.find((l) => !ledger.isProven(l, best))!;
      report(`proving ${level === 'moved' ? 'moves' : level}`);
      const goal = ledger.goalFor(level, best, weights.scale);
      const floor = ledger.breaksBound(best);
      const coresApply = BreaksFromBelow.applies(problem, floor) && !(beyondCores && sameLevel(beyondCores, best, 'weight'));
      if (level === 'breaks' && priority === 'breaks' && best.unfairness === 0 && coresApply) {
        // Breaks: one model asked two questions. From below, core-guided (each "no" raises the
        // bound by one; a "yes" is a schedule, optimal once it meets the bound). From above,
        // now and then, "halfway between the bound and the best?" (a "yes" improves the best, a
        // "no" raises the bound).
        if (!questions || !sameLevel(questions.costs, best, 'weight')) {
          questions = {
            asker: new BreaksFromBelow(problem, goal.minWeight, weights.weights, { previous: previous?.slots }),
            costs: best,
          };
        }
        const { asker } = questions;
        asker.raiseTo(floor);
        const halfway = floor + Math.ceil((best.breaks - 1 - floor) / 2);
        let round = 0;
        let fromAbove = false;
        const outcome = await pursue(() => {
          fromAbove = ++round % FROM_ABOVE_EVERY === 0 && halfway > floor;
          return fromAbove ? asker.ask(halfway, budget) : asker.step(budget);
        }, best);
        if (outcome === 'stop') break;
        if (outcome === 'unsat') {
          const atLeast = fromAbove ? halfway + 1 : asker.lowerBound;
          // The model assumes someone has no break: its bound holds while every schedule
          // below it must have such a participant.
          if (BreaksFromBelow.applies(problem, atLeast - 1)) ledger.raiseBreaksBound(best, atLeast);
          else beyondCores = best;
        }
        continue;
      }
      const proof = new Proof(problem, goal, weights.weights, { previous: previous?.slots, hint: search.bestSlots });
      const outcome = await pursue(() => proof.step(budget), best);
      if (outcome === 'stop') break;
      if (outcome === 'unsat') {
        if (best.unfairness > 0) noFairSchedule = true;
        else ledger.record(level, best);
      }
      if (noFairSchedule) break;
    }
  }

  if (noFairSchedule) {
    report('infeasible', 1);
    const reasons = [`no schedule meets the fairness limit: every participant's breaks within ${problem.fairness} of the fewest anyone has`];
    return infeasibleResult(problem, reasons, seconds());
  }
  const stopReason: StopReason = allProven() ? 'proven' : stopped() ? 'cancelled' : 'time-limit';
  const best = search.bestSlots;
  state.restore(best);
  const tables = assignTables(problem, best, previous);
  const costs = state.costs();
  const assignments: Assignment[] = [];
  for (let m = 0; m < problem.meetingCount; m++) {
    if (best[m]! >= 0) assignments.push({ meeting: problem.meetingIds[m]!, slot: best[m]! + 1, table: tables[m]! + 1 });
  }
  const fair = costs.unfairness === 0;
  const result: SolveResult = {
    status: !fair ? 'unknown' : stopReason === 'proven' ? 'optimal' : 'feasible',
    scheduled: assignments.length,
    total: problem.meetingCount,
    weightScheduled: problem.totalWeight - costs.unscheduledWeight,
    breaks: costs.breaks,
    breaksLowerBound: fair ? Math.min(costs.breaks, ledger.breaksBound(costs)) : 0,
    breaksSpread: state.spread(),
    seconds: seconds(),
    assignments,
    weightUpperBound: weightBound,
    stopReason,
  };
  if (previous) result.moved = costs.moved;
  report(describe(costs, result.breaksLowerBound), 1);
  return result;
}

function describe(costs: { unscheduledWeight: number; breaks: number }, bound: number): string {
  return `${costs.breaks} breaks (lower bound ${bound}), unscheduled weight ${costs.unscheduledWeight}`;
}

function infeasibleResult(problem: Problem, reasons: string[], seconds: number): SolveResult {
  return {
    status: 'infeasible',
    scheduled: 0,
    total: problem.meetingCount,
    weightScheduled: 0,
    breaks: 0,
    breaksLowerBound: 0,
    breaksSpread: 0,
    seconds,
    assignments: [],
    weightUpperBound: 0,
    stopReason: 'infeasible',
    reasons,
  };
}

function previousSlots(problem: Problem, previous: readonly Assignment[]): { slots: Int32Array; tables: Int32Array } {
  const index = new Map(problem.meetingIds.map((id, m) => [id, m]));
  const slots = new Int32Array(problem.meetingCount).fill(-1);
  const tables = new Int32Array(problem.meetingCount).fill(-1);
  for (const entry of previous) {
    const m = index.get(entry.meeting);
    if (m === undefined || entry.slot < 1 || entry.slot > problem.slots) continue;
    slots[m] = entry.slot - 1;
    tables[m] = entry.table >= 1 && entry.table <= problem.tables ? entry.table - 1 : -1;
  }
  return { slots, tables };
}

/** Meetings whose published slot is no longer allowed must move (or be dropped). */
function unavoidableMoves(problem: Problem, slots: Int32Array): number {
  let moves = 0;
  for (let m = 0; m < problem.meetingCount; m++) {
    const s = slots[m]!;
    if (s >= 0 && !problem.allowed[m * problem.slots + s]) moves++;
  }
  return moves;
}
