/**
 * The scheduler: turns an instance into the best schedule it can find and proves what it can.
 * Greedy construction → simulated annealing with Kempe chains until the bounds are met or the
 * search stalls → SAT proofs level by level (weight, then breaks, then moves), each of which
 * either proves the current value optimal or hands back a better schedule to polish.
 * Runs in slices and yields to the event loop, so a job runner can report progress and cancel.
 */
import { constructGreedy, placeFixed, placePrevious } from './construct';
import { exactModelSize, integerWeights } from './exact-model';
import type { Assignment, Instance, SolveResult, StopReason } from './instance';
import type { Costs } from './schedule-state';
import { LocalSearch, compareCosts, type Priority } from './local-search';
import { breaksLowerBound, weightUpperBound } from './lower-bound';
import { compileProblem, findFixedConflicts, type Problem } from './problem';
import { Proof, type ProofGoal } from './prove';
import { createRandom } from './random';
import { ScheduleState } from './schedule-state';
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
  /** Milliseconds clock; injected so the algorithms never read the time themselves. */
  now?: () => number;
}

/** Above this many SAT variables a proof is not attempted: the bounds are reported instead. */
const PROOF_SIZE_LIMIT = 400_000;
const SLICE_MS = 25;

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export async function solve(instance: Instance, options: SolveOptions = {}): Promise<SolveResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limit = options.timeLimitMs ?? 10_000;
  const deadline = started + limit;
  const priority = options.priority ?? 'breaks';
  const problem = compileProblem(instance, { fairness: options.fairness });
  const report = (message: string, fraction?: number): void =>
    options.onProgress?.(fraction ?? Math.min(0.99, (now() - started) / limit), message);
  const stopped = (): boolean => options.signal?.aborted === true;

  const conflicts = findFixedConflicts(problem);
  if (conflicts.length > 0) {
    report('infeasible', 1);
    return infeasibleResult(problem, conflicts, (now() - started) / 1000);
  }
  const previous = options.previous ? previousSlots(problem, options.previous) : undefined;
  const random = createRandom(options.seed ?? 1);
  const state = new ScheduleState(problem, previous?.slots);
  report('building a first schedule', 0);
  placeFixed(state);
  if (previous) placePrevious(state, previous.slots);
  constructGreedy(state, random);

  const weightBound = weightUpperBound(problem);
  const perParticipant = breaksLowerBound(problem);
  const movesBound = previous ? unavoidableMoves(problem, previous.slots) : 0;
  const search = new LocalSearch(state, random, priority);
  const eps = 1e-9;
  const levels: Level[] = priority === 'breaks' ? ['weight', 'breaks', 'moved'] : ['weight', 'moved', 'breaks'];
  // SAT proofs: at these costs, the level's value cannot be improved without losing a level above.
  const satProofs: Array<{ level: Level; costs: Costs }> = [];
  const sameUpTo = (x: Costs, y: Costs, level: Level): boolean => {
    for (const l of levels) {
      if (!sameLevel(x, y, l)) return false;
      if (l === level) return true;
    }
    return true;
  };
  const boundMet = (level: Level, best: Costs): boolean => {
    if (level === 'weight') return problem.totalWeight - best.unscheduledWeight >= weightBound - eps;
    if (level === 'breaks') return best.unscheduledWeight <= eps && best.breaks <= perParticipant.total;
    return !previous || best.moved <= movesBound;
  };
  const isProven = (level: Level): boolean => {
    const best = search.bestCosts;
    if (best.unfairness > 0) return false;
    for (const l of levels) {
      const done = boundMet(l, best) || satProofs.some((p) => p.level === l && sameUpTo(p.costs, best, l));
      if (!done) return false;
      if (l === level) return true;
    }
    return true;
  };
  const breaksBound = (): number => {
    const best = search.bestCosts;
    const proof = satProofs.some((p) => p.level === 'breaks' && p.costs.breaks === best.breaks && sameLevel(p.costs, best, 'weight'));
    return proof ? best.breaks : best.unscheduledWeight <= eps ? perParticipant.total : 0;
  };
  const allProven = (): boolean => isProven(levels[2]!);
  let stopReason: StopReason = 'time-limit';
  let lastYield = now();
  const pause = async (): Promise<boolean> => {
    if (now() - lastYield >= SLICE_MS) {
      await yieldToEventLoop();
      lastYield = now();
    }
    if (stopped()) stopReason = 'cancelled';
    return stopped() || now() >= deadline;
  };

  // Annealing in cycles: each cycle restarts from the best schedule and cools down again.
  const cycleLength = Math.min(40_000_000, Math.max(5_000, Number(process.env.SA_CYCLE ?? 300) * problem.meetingCount));
  const T0 = Number(process.env.SA_T0 ?? 0.6);
  const T1 = Number(process.env.SA_T1 ?? 0.03);
  const anneal = async (until: number, patienceCycles: number): Promise<void> => {
    let quietCycles = 0;
    while (!allProven()) {
      const bestBefore = search.bestCosts;
      const first = search.iterations;
      while (search.iterations - first < cycleLength) {
        const progress = (search.iterations - first) / cycleLength;
        search.temperature = T0 * Math.pow(T1 / T0, progress);
        search.runFor(2000);
        if (allProven() || now() >= until || (await pause())) return;
      }
      state.restore(search.bestSlots);
      quietCycles = compareCosts(search.bestCosts, bestBefore, priority) < 0 ? 0 : quietCycles + 1;
      if (quietCycles >= patienceCycles) return;
      report(describe(search.bestCosts, breaksBound()));
    }
  };

  let noFairSchedule = false;
  const weights = integerWeights(problem);
  const canProve = (options.prove ?? true) && weights !== undefined && exactModelSize(problem) <= PROOF_SIZE_LIMIT;
  await anneal(canProve ? started + limit * 0.35 : deadline, canProve ? 3 : Number.POSITIVE_INFINITY);

  if (canProve && weights) {
    const scaled = (unscheduled: number): number => Math.round((problem.totalWeight - unscheduled) * weights.scale);
    proofs: for (const level of levels) {
      while (!isProven(level)) {
        const best = search.bestCosts;
        const fair = best.unfairness === 0;
        const goal: ProofGoal = { minWeight: fair ? scaled(best.unscheduledWeight) : 0 };
        if (level === 'weight') goal.minWeight += fair ? 1 : 0;
        else {
          const order = levels.slice(1, levels.indexOf(level) + 1);
          for (const done of order) {
            const value = done === 'breaks' ? best.breaks : best.moved;
            if (done === 'breaks') goal.maxBreaks = done === level ? value - 1 : value;
            else goal.maxMoved = done === level ? value - 1 : value;
          }
        }
        report(`proving ${level}`);
        const proof = new Proof(problem, goal, weights.weights, { previous: previous?.slots, hint: search.bestSlots });
        for (;;) {
          const answer = proof.step(3000);
          if (answer.outcome === 'unsat') {
            if (fair || level !== 'weight') satProofs.push({ level, costs: best });
            else noFairSchedule = true;
            break;
          }
          if (answer.outcome === 'sat') {
            state.restore(answer.slots);
            search.bestSlots = state.snapshot();
            search.bestCosts = state.costs();
            await anneal(Math.min(deadline, now() + limit * 0.05), 1);
            break;
          }
          if (await pause()) break proofs;
        }
        if (stopped() || now() >= deadline) break proofs;
        if (noFairSchedule) break proofs;
      }
    }
  } else if (!allProven()) {
    await anneal(deadline, Number.POSITIVE_INFINITY);
  }
  if (allProven() && search.bestCosts.unfairness === 0) stopReason = 'proven';
  else if (stopped()) stopReason = 'cancelled';

  if (noFairSchedule) {
    report('infeasible', 1);
    const reasons = [`no schedule keeps every participant's breaks within ${problem.fairness} of the fewest anyone has`];
    return infeasibleResult(problem, reasons, (now() - started) / 1000);
  }
  const best = search.bestSlots;
  const tables = assignTables(problem, best, previous);
  state.restore(best);
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
    breaksLowerBound: fair ? Math.min(costs.breaks, breaksBound()) : 0,
    breaksSpread: state.spread(),
    seconds: (now() - started) / 1000,
    assignments,
    weightUpperBound: weightBound,
    stopReason,
  };
  if (previous) result.moved = costs.moved;
  report(describe(costs, result.breaksLowerBound), 1);
  return result;
}

type Level = 'weight' | 'breaks' | 'moved';

function sameLevel(x: Costs, y: Costs, level: Level): boolean {
  if (level === 'weight') return Math.abs(x.unscheduledWeight - y.unscheduledWeight) <= 1e-9;
  return level === 'breaks' ? x.breaks === y.breaks : x.moved === y.moved;
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
