/**
 * Simulated annealing over slot assignments with Kempe-chain moves (the move that works best for
 * timetabling problems of this shape) plus insertion and ejection of meetings not yet held.
 * Objectives are lexicographic; the annealing runs on one scalar that respects that order.
 */
import { KempeMove } from './kempe';
import type { Random } from './random';
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

export let IDLE_WEIGHT = Number(process.env.IDLE_WEIGHT ?? 0.05);

export function costWeights(priority: Priority): CostWeights {
  return priority === 'breaks'
    ? { weight: 1e7, unfairness: 1e4, breaks: 1, moved: 1e-4, idle: IDLE_WEIGHT }
    : { weight: 1e7, unfairness: 1e4, breaks: 1e-4, moved: 1, idle: IDLE_WEIGHT * 1e-4 };
}

export function scalarCost(costs: Costs, w: CostWeights): number {
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
  readonly priority: Priority;
  private readonly move: KempeMove;
  temperature = 0.5;
  iterations = 0;
  /** May meetings be taken out to make room for others of at least equal weight? */
  allowEjection = true;
  bestSlots: Int32Array;
  bestCosts: Costs;
  lastImprovement = 0;
  readonly stats = [0, 0, 0, 0, 0, 0];

  constructor(state: ScheduleState, random: Random, priority: Priority) {
    this.state = state;
    this.random = random;
    this.priority = priority;
    this.weights = costWeights(priority);
    this.move = new KempeMove(state.problem.meetingCount);
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
      if (pick < 0) { this.stats[0]!++; continue; }
      const m = pick >> 10;
      const t = pick & 1023;
      if (!this.move.evaluate(state, m, t)) { this.stats[1]!++; continue; }
      this.stats[2]!++;
      this.stats[5]! += this.move.chain.length;
      const delta =
        this.weights.unfairness * this.move.deltaUnfairness +
        this.weights.breaks * this.move.deltaBreaks +
        this.weights.idle * this.move.deltaIdle +
        this.weights.moved * this.move.deltaMoved;
      if (delta <= 0 || this.random.next() < Math.exp(-delta / this.temperature)) {
        this.move.apply(state);
        this.stats[3]!++;
        if (delta > 0) this.stats[4]!++;
        if (delta < 0) this.noteIfBest();
      }
    }
  }

  /**
   * Encodes (meeting, target slot) as meeting * 1024 + slot, or -1. Most moves aim at a
   * participant with a break: one of their meetings goes into one of their idle slots between
   * first and last meeting, preferably a meeting at either end of their day.
   */
  private pickMove(): number {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    const r = this.random;
    if (state.withBreaksSize > 0 && r.next() < 0.7) {
      const p = state.withBreaks[r.below(state.withBreaksSize)]!;
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
      return m * 1024 + t;
    }
    const m = r.below(pr.meetingCount);
    if (state.slotOf[m]! < 0) return -1;
    const t = r.below(T);
    if (t === state.slotOf[m] || !pr.allowed[m * T + t]) return -1;
    return m * 1024 + t;
  }

  private noteIfBest(): void {
    const costs = this.state.costs();
    if (compareCosts(costs, this.bestCosts, this.priority) < 0) {
      this.bestCosts = costs;
      this.bestSlots = this.state.snapshot();
      this.lastImprovement = this.iterations;
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
    if (!this.allowEjection) return;
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
