/**
 * Simulated annealing over slot assignments with Kempe-chain moves (the move that works best for
 * timetabling problems of this shape) plus insertion and ejection of meetings not yet held.
 * Objectives are lexicographic; the annealing runs on one scalar that respects that order.
 */
import { KempeMove } from './kempe';
import type { Random } from './random';
import type { Problem } from './problem';
import type { Costs, ScheduleState } from './schedule-state';

export type Priority = 'breaks' | 'moves';

/** Scalar weights that keep the lexicographic order for any realistic instance size. */
export interface CostWeights {
  weight: number;
  unfairness: number;
  breaks: number;
  moved: number;
  /** Guides the annealing only; never part of what "best" means. */
  idle: number;
}

/** Idle slots inside a participant's day, as a fraction of a break: shrinking gaps is progress. */
const IDLE_WEIGHT = 0.15;
/**
 * From this size on (too large for proofs) the annealing gets one long cycle and ends above
 * the bound; there a stronger pull towards short days and more moves aimed at breaks pay
 * (measured, with the warmer end in annealer.ts: 3,000 meetings in 5 s, median 9 → 7 breaks
 * over 9 runs side by side; 30,000 in 30 s: 92 → 62–67; 100,000 in 60 s: 2,342 → 2,265).
 * Forum-sized events keep the settings their proofs were tuned with.
 */
const LARGE_EVENT_MEETINGS = 2_000;

export function isLargeEvent(problem: Pick<Problem, 'meetingCount'>): boolean {
  return problem.meetingCount >= LARGE_EVENT_MEETINGS;
}
const LARGE_EVENT_IDLE_WEIGHT = 0.3;
/**
 * Where tables are nearly all taken, the pull towards short days works against the moves that
 * make room: on the demo event (3,000 meetings, 22 slots, 150 tables: 91% of table-slots used)
 * idle weight 0.3 left 31–53 breaks after 20 s and 0.05 reached 0 in 5–17 s (three events).
 * Measured on the demo-sized two-sided event in 5 s, 10 runs each, by table use: 75% — 0.3
 * best (62 breaks against 66 with 0.05); 83% — 0.15 best (106 against 114–115); 89% — 0.05
 * best (144 against 157). Hence the weight falls from 0.3 at 75% use to 0.05 at 90%.
 */
function largeEventIdleWeight(problem: Problem): number {
  const use = problem.meetingCount / Math.max(1, problem.slots * problem.tables);
  const weight = LARGE_EVENT_IDLE_WEIGHT - ((use - 0.75) / 0.15) * (LARGE_EVENT_IDLE_WEIGHT - 0.05);
  return Math.min(LARGE_EVENT_IDLE_WEIGHT, Math.max(0.05, weight));
}
const LARGE_EVENT_TARGETED = 0.9;

const EAGER_COPY_LIMIT = 20_000;
/** Larger than any slot count the parser accepts. */
const SLOT_CODE = 1024;
/** Share of moves aimed at a participant with a break (the rest are random, for diversity). */
const TARGETED = 0.7;

function costWeights(priority: Priority, idle: number): CostWeights {
  return priority === 'breaks'
    ? { weight: 1e7, unfairness: 1e4, breaks: 1, moved: 1e-4, idle }
    : { weight: 1e7, unfairness: 1e4, breaks: 1e-4, moved: 1, idle: idle * 1e-4 };
}

function scalarCost(costs: Costs, w: CostWeights): number {
  return w.weight * costs.unscheduledWeight + w.unfairness * costs.unfairness + w.breaks * costs.breaks + w.moved * costs.moved;
}

/**
 * Lexicographic comparison, negative when `x` is better. Fairness is a hard constraint, so a
 * fair schedule beats any unfair one; the annealing itself weighs held meetings above fairness
 * so that it keeps trying to fit everything fairly rather than giving meetings up.
 */
export function compareCosts(x: Costs, y: Costs, priority: Priority): number {
  const eps = 1e-9;
  if (x.unfairness !== y.unfairness) return x.unfairness - y.unfairness;
  if (Math.abs(x.unscheduledWeight - y.unscheduledWeight) > eps) return x.unscheduledWeight - y.unscheduledWeight;
  if (priority === 'breaks') {
    if (x.breaks !== y.breaks) return x.breaks - y.breaks;
    return x.moved - y.moved;
  }
  if (x.moved !== y.moved) return x.moved - y.moved;
  return x.breaks - y.breaks;
}

export class LocalSearch {
  readonly state: ScheduleState;
  private readonly random: Random;
  private readonly weights: CostWeights;
  private readonly targeted: number;
  readonly priority: Priority;
  private readonly move: KempeMove;
  private readonly pairedMove: KempeMove;
  temperature = 0.5;
  iterations = 0;
  bestSlots: Int32Array;
  bestCosts: Costs;
  private pendingBest = false;

  constructor(state: ScheduleState, random: Random, priority: Priority) {
    this.state = state;
    this.random = random;
    this.priority = priority;
    const large = isLargeEvent(state.problem);
    this.weights = costWeights(priority, large ? largeEventIdleWeight(state.problem) : IDLE_WEIGHT);
    this.targeted = large ? LARGE_EVENT_TARGETED : TARGETED;
    this.move = new KempeMove(state.problem.meetingCount);
    this.pairedMove = new KempeMove(state.problem.meetingCount);
    this.bestSlots = state.snapshot();
    this.bestCosts = state.costs();
  }

  /** Performs `count` attempted moves. */
  runFor(count: number): void {
    const state = this.state;
    for (let i = 0; i < count; i++) {
      this.iterations++;
      if (state.unscheduledCount > 0 && this.random.next() < 0.1) {
        this.tryInsert();
        continue;
      }
      const pick = this.pickMove();
      if (pick < 0) continue;
      const m = Math.floor(pick / SLOT_CODE);
      const t = pick % SLOT_CODE;
      if (!this.move.evaluate(state, m, t)) {
        if (this.move.blockedByTables) this.tryPaired(m, t);
        continue;
      }
      const delta = this.delta(this.move);
      if (delta <= 0 || this.random.next() < Math.exp(-delta / this.temperature)) {
        this.move.apply(state);
        if (delta < 0) this.noteIfBest();
      }
    }
    if (this.pendingBest) {
      this.pendingBest = false;
      this.keepIfBest();
    }
  }

  private delta(move: KempeMove): number {
    const w = this.weights;
    return w.unfairness * move.deltaUnfairness + w.breaks * move.deltaBreaks + w.idle * move.deltaIdle + w.moved * move.deltaMoved;
  }

  /**
   * A move that needs a table in a full slot, paired with a move of some other meeting out of
   * that slot into the one just vacated: where tables are the bottleneck most useful moves
   * need such a partner. The two chains never share a participant (they are different
   * components of the same two slots), so the second is measured after the first is made.
   */
  private tryPaired(m: number, t: number): void {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    const first = this.move;
    if (!first.evaluate(state, m, t, true)) return;
    const s = state.slotOf[m]!;
    const full = first.balance > 0 ? t : s;
    const other = full === t ? s : t;
    const firstDelta = this.delta(first);
    const chain = first.chain.slice();
    const before = chain.map((q) => state.slotOf[q]!);
    first.apply(state);
    for (let k = 0; k < 8; k++) {
      const m2 = state.at[this.random.below(pr.participantCount) * T + full]!;
      if (m2 < 0 || !pr.allowed[m2 * T + other]) continue;
      const second = this.pairedMove;
      // The second move must take out of the full slot at least what the first brought in.
      if (!second.evaluate(state, m2, other) || second.balance < Math.abs(first.balance)) continue;
      const delta = firstDelta + this.delta(second);
      if (delta <= 0 || this.random.next() < Math.exp(-delta / this.temperature)) {
        second.apply(state);
        if (delta < 0) this.noteIfBest();
        return;
      }
      break;
    }
    for (const q of chain) state.remove(q);
    chain.forEach((q, i) => state.place(q, before[i]!));
  }

  /**
   * Encodes (meeting, target slot) as meeting * SLOT_CODE + slot, or -1. Most moves aim at a
   * participant with a break: one of their meetings goes into one of their idle slots between
   * first and last meeting, preferably a meeting at either end of their day.
   */
  private pickMove(): number {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    const r = this.random;
    const over = state.overLimit;
    const targets = over.size > 0 && r.next() < 0.5 ? over : state.withBreaks;
    if (targets.size > 0 && r.next() < this.targeted) {
      const p = targets.items[r.below(targets.size)]!;
      const base = p * T;
      const first = state.first[p]!;
      const last = state.last[p]!;
      let t = -1;
      const idle = state.idleOf(p);
      if (idle > 0 && r.next() < 0.8) {
        let k = r.below(idle);
        for (let s = first + 1; s < last; s++) {
          if (state.at[base + s]! < 0 && k-- === 0) {
            t = s;
            break;
          }
        }
      } else {
        t = r.next() < 0.5 ? first - 1 : last + 1;
        if (t < 0 || t >= T) return -1;
      }
      const roll = r.next();
      const own = pr.meetingsOf[p]!;
      const m = roll < 0.35 ? state.at[base + first]! : roll < 0.7 ? state.at[base + last]! : own[r.below(own.length)]!;
      if (t < 0 || state.slotOf[m]! < 0 || !pr.allowed[m * T + t]) return -1;
      return m * SLOT_CODE + t;
    }
    const m = r.below(pr.meetingCount);
    if (state.slotOf[m]! < 0) return -1;
    const t = r.below(T);
    if (t === state.slotOf[m] || !pr.allowed[m * T + t]) return -1;
    return m * SLOT_CODE + t;
  }

  /**
   * Remembers the schedule when it is the best so far. Copying a large schedule on every one
   * of its many small improvements would cost more than the search, so large ones are copied
   * at the end of each batch of moves instead.
   */
  private noteIfBest(): void {
    if (this.state.problem.meetingCount > EAGER_COPY_LIMIT) {
      this.pendingBest = true;
      return;
    }
    this.keepIfBest();
  }

  /** Takes the current schedule as best if it is (after changes made outside the search). */
  noteCurrent(): void {
    this.keepIfBest();
  }

  /** Replaces the best schedule, e.g. with one found by a proof attempt. */
  adopt(): void {
    this.bestCosts = this.state.costs();
    this.bestSlots = this.state.snapshot();
  }

  private keepIfBest(): void {
    const costs = this.state.costs();
    if (compareCosts(costs, this.bestCosts, this.priority) < 0) {
      this.bestCosts = costs;
      this.bestSlots = this.state.snapshot();
    }
  }

  /** Tries to hold a random meeting that is not held yet: directly, after a Kempe move, or by ejection. */
  private tryInsert(): void {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    const r = this.random;
    if (state.unscheduledCount === 0) return;
    const m = state.notHeld[r.below(state.unscheduledCount)]!;
    const a = pr.meetingA[m]!;
    const b = pr.meetingB[m]!;
    if (state.count[a]! >= pr.maxMeetings[a]! || state.count[b]! >= pr.maxMeetings[b]!) return;
    const start = r.below(T);
    for (let i = 0; i < T; i++) {
      const s = (start + i) % T;
      if (state.canPlace(m, s)) {
        state.place(m, s);
        this.noteIfBest();
        return;
      }
    }
    // Free a slot for one participant by moving their meeting along a Kempe chain.
    const s = start;
    if (!pr.allowed[m * T + s] || state.load[s]! >= pr.tables || !state.precedenceAllows(m, s)) {
      return this.tryEject(m, s);
    }
    const blockers = [state.at[a * T + s]!, state.at[b * T + s]!].filter((x) => x >= 0);
    if (blockers.length !== 1) return this.tryEject(m, s);
    const x = blockers[0]!;
    const owner = state.at[a * T + s]! >= 0 ? a : b;
    for (let k = 0; k < 4; k++) {
      const u = r.below(T);
      if (u === s || !state.isFree(owner, u)) continue;
      if (!this.move.evaluate(state, x, u)) continue;
      const originalSlots = this.move.chain.map((q) => state.slotOf[q]!);
      const chain = this.move.chain.slice();
      const before = scalarCost(state.costs(), this.weights);
      this.move.apply(state);
      if (state.canPlace(m, s)) {
        state.place(m, s);
        const after = scalarCost(state.costs(), this.weights);
        if (after < before) {
          this.noteIfBest();
          return;
        }
        state.remove(m);
      }
      for (const q of chain) state.remove(q);
      chain.forEach((q, i) => state.place(q, originalSlots[i]!));
      return;
    }
    this.tryEject(m, s);
  }

  /** Holds m in s by taking out what blocks it, when that loses no weight. */
  private tryEject(m: number, s: number): void {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    if (!pr.allowed[m * T + s]) return;
    const a = pr.meetingA[m]!;
    const b = pr.meetingB[m]!;
    const xa = state.at[a * T + s]!;
    const xb = state.at[b * T + s]!;
    let lost = 0;
    for (const x of [xa, xb]) if (x >= 0) lost += pr.weight[x]!;
    if (xa === xb && xa >= 0) lost = pr.weight[xa]!;
    if (lost > pr.weight[m]! + 1e-9 || (xa < 0 && xb < 0)) return;
    for (const x of [xa, xb]) if (x >= 0 && pr.fixedSlot[x]! >= 0) return;
    const before = scalarCost(state.costs(), this.weights);
    const removed: number[] = [];
    for (const x of [xa, xb]) {
      if (x >= 0 && state.slotOf[x]! >= 0) {
        state.remove(x);
        removed.push(x);
      }
    }
    if (state.canPlace(m, s)) {
      state.place(m, s);
      const delta = scalarCost(state.costs(), this.weights) - before;
      if (delta <= 0 || this.random.next() < Math.exp(-delta / this.temperature)) {
        if (delta < 0) this.noteIfBest();
        return;
      }
      state.remove(m);
    }
    for (const x of removed) state.place(x, s);
  }
}
