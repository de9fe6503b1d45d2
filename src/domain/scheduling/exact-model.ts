/**
 * The schedule as a SAT problem with native "at most" constraints, for proofs: "is there a
 * schedule with weight ≥ W, breaks ≤ K, moves ≤ V, and every participant's breaks within
 * [μ, μ + d]?" Every fair schedule falls into one value of μ (the fewest breaks anyone has),
 * so proving each μ case unsatisfiable proves the bound.
 *
 * Variables: x(m,s) meeting m in slot s; held(m); busy(p,s); seen(p,s) = p has a meeting in a
 * slot ≤ s; brk(p,s) = a break of p ends at s; later(m,s) = m is held in a slot ≥ s (only for
 * precedences). The upper-bound constraints only need brk to be implied by a real break; when
 * μ > 0 asks for breaks from below, brk and seen are defined in both directions.
 */
import type { Problem } from './problem';
import { SatSolver } from './sat/solver';

export interface ExactQuery {
  /** Held weight ≥ this, in the model's integer weight units (see integerWeights). */
  minWeight: number;
  /** Total breaks ≤ this (omit for no limit). */
  maxBreaks?: number;
  /** Meetings moved from `previous` ≤ this (omit for no limit). */
  maxMoved?: number;
  /** Every participant's breaks lie in [mu, mu + fairness]. */
  mu: number;
}

export interface ExactModel {
  solver: SatSolver;
  /**
   * Adds "total breaks ≤ k" guarded by a new selector literal, to be passed as an assumption:
   * one model then answers the question for several k, keeping what it learnt in between.
   */
  breaksAtMost(k: number): number;
  /** Slot of each meeting in the solver's model, -1 when not held. */
  decode(): Int32Array;
  /** One literal per (participant, slot) where a break can end: true for every real break. */
  breakLiterals: readonly number[];
}

/** Weights as integers for linear constraints, or undefined when they are not decimal enough. */
export function integerWeights(problem: Problem): { weights: Int32Array; scale: number } | undefined {
  for (let digits = 0; digits <= 4; digits++) {
    const scale = 10 ** digits;
    const weights = new Int32Array(problem.meetingCount);
    let exact = true;
    let total = 0;
    for (let m = 0; m < problem.meetingCount; m++) {
      const scaled = problem.weight[m]! * scale;
      const rounded = Math.round(scaled);
      if (Math.abs(scaled - rounded) > 1e-6) {
        exact = false;
        break;
      }
      weights[m] = rounded;
      total += rounded;
    }
    if (exact && total < 2 ** 31) return { weights, scale };
  }
  return undefined;
}

/** Number of solver variables the model would need, to decide whether proving is affordable. */
export function exactModelSize(problem: Problem): number {
  let x = 0;
  for (let i = 0; i < problem.allowed.length; i++) x += problem.allowed[i]!;
  return exactModelVariables(x, problem.participantCount, problem.slots, problem.meetingCount);
}

/** The model's variables: one per allowed (meeting, slot), three per (participant, slot), one per meeting. */
export function exactModelVariables(allowedPairs: number, participants: number, slots: number, meetings: number): number {
  return allowedPairs + 3 * participants * slots + meetings;
}

export function buildExactModel(
  problem: Problem,
  query: ExactQuery,
  weights: Int32Array,
  options: { previous?: Int32Array; hint?: Int32Array } = {},
): ExactModel {
  const solver = new SatSolver();
  const T = problem.slots;
  const { meetingCount: M, participantCount: P } = problem;
  const pos = (v: number): number => 2 * v;
  const neg = (v: number): number => 2 * v + 1;
  const x = new Int32Array(M * T).fill(-1);
  const held = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    held[m] = solver.newVar();
    for (let s = 0; s < T; s++) if (problem.allowed[m * T + s]) x[m * T + s] = solver.newVar();
  }
  const busy = new Int32Array(P * T);
  const seen = new Int32Array(P * T);
  const brk = new Int32Array(P * T).fill(-1);
  for (let i = 0; i < P * T; i++) {
    busy[i] = solver.newVar();
    seen[i] = solver.newVar();
  }
  for (let p = 0; p < P; p++) for (let s = 2; s < T; s++) brk[p * T + s] = solver.newVar();

  let totalWeight = 0;
  for (let m = 0; m < M; m++) totalWeight += weights[m]!;
  const allHeld = query.minWeight >= totalWeight;
  // A meeting is held in exactly one allowed slot, or not at all; fixed meetings are held.
  for (let m = 0; m < M; m++) {
    const slots: number[] = [];
    for (let s = 0; s < T; s++) if (x[m * T + s]! >= 0) slots.push(pos(x[m * T + s]!));
    solver.addClause([neg(held[m]!), ...slots]);
    for (const l of slots) solver.addClause([l ^ 1, pos(held[m]!)]);
    if (slots.length > 1) solver.addAtMost(slots, null, 1);
    if (problem.fixedSlot[m]! >= 0) solver.addClause([pos(held[m]!)]);
  }
  // A participant is busy in a slot exactly when one (and only one) of their meetings is there.
  for (let p = 0; p < P; p++) {
    const own = problem.meetingsOf[p]!;
    for (let s = 0; s < T; s++) {
      const here: number[] = [];
      for (const m of own) if (x[m * T + s]! >= 0) here.push(pos(x[m * T + s]!));
      const b = busy[p * T + s]!;
      solver.addClause([neg(b), ...here]);
      for (const l of here) solver.addClause([l ^ 1, pos(b)]);
      if (here.length > 1) solver.addAtMost(here, null, 1);
      const z = seen[p * T + s]!;
      solver.addClause([neg(b), pos(z)]);
      if (s > 0) solver.addClause([neg(seen[p * T + s - 1]!), pos(z)]);
      if (query.mu > 0) {
        solver.addClause(s > 0 ? [neg(z), pos(b), pos(seen[p * T + s - 1]!)] : [neg(z), pos(b)]);
      }
      if (s >= 2) {
        const k = brk[p * T + s]!;
        const before = busy[p * T + s - 1]!;
        const earlier = seen[p * T + s - 2]!;
        solver.addClause([neg(b), pos(before), neg(earlier), pos(k)]);
        if (query.mu > 0) {
          solver.addClause([neg(k), pos(b)]);
          solver.addClause([neg(k), neg(before)]);
          solver.addClause([neg(k), pos(earlier)]);
        }
      }
    }
    const ownBreaks: number[] = [];
    for (let s = 2; s < T; s++) ownBreaks.push(pos(brk[p * T + s]!));
    if (allHeld && own.length > 1 && ownBreaks.length > 0) {
      // Implied: a day without a break is exactly as long as p has meetings, so two busy slots
      // that far apart need a break. When few breaks are allowed this fixes the day's shape
      // early in the search (many times fewer conflicts on table-bound events).
      const compact = solver.newVar();
      solver.addClause([pos(compact), ...ownBreaks]);
      const k = own.length;
      for (let s = 0; s < T; s++) {
        for (let t = s + k; t < T; t++) solver.addClause([neg(compact), neg(busy[p * T + s]!), neg(busy[p * T + t]!)]);
      }
    }
    if (ownBreaks.length > 0) solver.addAtMost(ownBreaks, null, query.mu + problem.fairness);
    if (query.mu > 0) solver.addAtMost(ownBreaks.map((l) => l ^ 1), null, ownBreaks.length - query.mu);
    const limit = problem.maxMeetings[p]!;
    if (limit < own.length) solver.addAtMost(Array.from(own, (m) => pos(held[m]!)), null, limit);
    if (allHeld && own.length > 0) {
      // Implied: p is busy in exactly as many slots as p has meetings (counts propagate early).
      const idle: number[] = [];
      for (let s = 0; s < T; s++) idle.push(neg(busy[p * T + s]!));
      solver.addAtMost(idle, null, T - own.length);
    }
  }
  for (let s = 0; s < T; s++) {
    const here: number[] = [];
    for (let m = 0; m < M; m++) if (x[m * T + s]! >= 0) here.push(pos(x[m * T + s]!));
    if (here.length > problem.tables) solver.addAtMost(here, null, problem.tables);
    if (P > 2 * problem.tables) {
      // Implied: a full slot keeps only 2·tables participants busy. Lets the solver see that a
      // participant idle in a full slot must be idle there (without it, tight-table events
      // that have break-free schedules go unsolved for minutes).
      const present: number[] = [];
      for (let p = 0; p < P; p++) present.push(pos(busy[p * T + s]!));
      solver.addAtMost(present, null, 2 * problem.tables);
    }
  }
  addPrecedences(problem, solver, x);
  solver.addAtMost(
    Array.from(held, (v) => neg(v)),
    Array.from(weights),
    totalWeight - query.minWeight,
  );
  const allBreaks: number[] = [];
  for (let i = 0; i < brk.length; i++) if (brk[i]! >= 0) allBreaks.push(pos(brk[i]!));
  if (query.maxBreaks !== undefined) solver.addAtMost(allBreaks, null, query.maxBreaks);
  if (query.maxMoved !== undefined && options.previous) {
    const stays: number[] = [];
    let unavoidable = 0;
    for (let m = 0; m < M; m++) {
      const s = options.previous[m]!;
      if (s < 0) continue;
      if (x[m * T + s]! >= 0) stays.push(neg(x[m * T + s]!));
      else unavoidable++;
    }
    solver.addAtMost(stays, null, query.maxMoved - unavoidable);
  }
  if (options.hint) applyHint(problem, solver, options.hint, x, held, busy, seen);
  return {
    solver,
    breaksAtMost: (k) => {
      const selector = pos(solver.newVar());
      // Σ brk + (n − k)·selector ≤ n: with the selector true, at most k breaks.
      const n = allBreaks.length;
      if (k < n) solver.addAtMost([...allBreaks, selector], [...allBreaks.map(() => 1), n - k], n);
      return selector;
    },
    breakLiterals: allBreaks,
    decode: () => {
      const slots = new Int32Array(M).fill(-1);
      for (let m = 0; m < M; m++) {
        for (let s = 0; s < T; s++) {
          const v = x[m * T + s]!;
          if (v >= 0 && solver.model[v] === 1) slots[m] = s;
        }
      }
      return slots;
    },
  };
}

function addPrecedences(problem: Problem, solver: SatSolver, x: Int32Array): void {
  if (!problem.hasPrecedences) return;
  const T = problem.slots;
  const later = new Map<number, Int32Array>();
  const laterOf = (q: number): Int32Array => {
    let ladder = later.get(q);
    if (ladder) return ladder;
    ladder = new Int32Array(T);
    for (let s = 0; s < T; s++) ladder[s] = solver.newVar();
    for (let s = 0; s < T; s++) {
      const v = x[q * T + s]!;
      if (v >= 0) solver.addClause([2 * v + 1, 2 * ladder[s]!]);
      if (s + 1 < T) solver.addClause([2 * ladder[s + 1]! + 1, 2 * ladder[s]!]);
    }
    later.set(q, ladder);
    return ladder;
  };
  for (let m = 0; m < problem.meetingCount; m++) {
    for (const q of problem.predecessors[m]!) {
      const ladder = laterOf(q);
      for (let s = 0; s < T; s++) {
        const v = x[m * T + s]!;
        if (v >= 0) solver.addClause([2 * v + 1, 2 * ladder[s]! + 1]);
      }
    }
  }
}

/** Starts the search from a known schedule: decisions first try its values. */
function applyHint(
  problem: Problem,
  solver: SatSolver,
  hint: Int32Array,
  x: Int32Array,
  held: Int32Array,
  busy: Int32Array,
  seen: Int32Array,
): void {
  const T = problem.slots;
  for (let m = 0; m < problem.meetingCount; m++) {
    solver.setPhase(held[m]!, hint[m]! >= 0);
    for (let s = 0; s < T; s++) {
      const v = x[m * T + s]!;
      if (v >= 0) solver.setPhase(v, hint[m] === s);
    }
  }
  for (let p = 0; p < problem.participantCount; p++) {
    let any = false;
    for (let s = 0; s < T; s++) {
      let here = false;
      for (const m of problem.meetingsOf[p]!) if (hint[m] === s) here = true;
      any ||= here;
      solver.setPhase(busy[p * T + s]!, here);
      solver.setPhase(seen[p * T + s]!, any);
    }
  }
}
