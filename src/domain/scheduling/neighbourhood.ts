/**
 * Large-neighbourhood search: free the meetings of a few participants, keep everything else
 * where it is, and let the SAT solver rearrange the freed meetings with fewer breaks among the
 * participants they touch. The subproblem is small whatever the event's size, so the solver
 * answers quickly, and it finds the coordinated changes that single moves cannot reach.
 */
import type { Random } from './random';
import { SatSolver } from './sat/solver';
import type { ScheduleState } from './schedule-state';

export interface NeighbourhoodOutcome {
  improved: boolean;
  /** The solver proved no better arrangement of these meetings exists. */
  exhausted: boolean;
}

/** Meetings of a participant with breaks and of some of their partners, up to `size`. */
export function chooseNeighbourhood(state: ScheduleState, random: Random, size: number): number[] {
  const pr = state.problem;
  const chosen = new Set<number>();
  const people: number[] = [];
  const seen = new Set<number>();
  const start =
    state.withBreaksSize > 0 ? state.withBreaks[random.below(state.withBreaksSize)]! : random.below(pr.participantCount);
  people.push(start);
  seen.add(start);
  for (let i = 0; i < people.length && chosen.size < size; i++) {
    const p = people[i]!;
    for (const m of pr.meetingsOf[p]!) if (state.slotOf[m]! >= 0) chosen.add(m);
    const partners = Array.from(pr.meetingsOf[p]!, (m) => (pr.meetingA[m] === p ? pr.meetingB[m]! : pr.meetingA[m]!));
    for (let k = partners.length - 1; k > 0; k--) {
      const j = random.below(k + 1);
      [partners[k], partners[j]] = [partners[j]!, partners[k]!];
    }
    for (const q of partners) {
      if (seen.has(q)) continue;
      seen.add(q);
      // Prefer partners who have breaks themselves; others join with some probability.
      if (state.breaksOf(q) > 0 || random.next() < 0.5) people.push(q);
    }
  }
  return [...chosen].slice(0, Math.max(size, 1));
}

/** Tries to hold the `free` meetings (all currently held) with fewer breaks; applies it if found. */
export function improveNeighbourhood(state: ScheduleState, free: readonly number[], conflictBudget: number): NeighbourhoodOutcome {
  const pr = state.problem;
  const T = state.T;
  const isFree = new Set(free);
  const people = new Map<number, number>(); // participant → index in local arrays
  for (const m of free) {
    for (const p of [pr.meetingA[m]!, pr.meetingB[m]!]) if (!people.has(p)) people.set(p, people.size);
  }
  const solver = new SatSolver();
  const TRUE = 2 * solver.newVar();
  solver.addClause([TRUE]);
  const load = state.load.slice();
  for (const m of free) load[state.slotOf[m]!]!--;
  const fixedBusy = (p: number, s: number): boolean => {
    const m = state.at[p * T + s]!;
    return m >= 0 && !isFree.has(m);
  };
  // x(m, s) for each freed meeting and each slot it could take with the rest fixed.
  const x = new Map<number, Int32Array>();
  for (const m of free) {
    const vars = new Int32Array(T).fill(-1);
    const a = pr.meetingA[m]!;
    const b = pr.meetingB[m]!;
    const options: number[] = [];
    for (let s = 0; s < T; s++) {
      if (!pr.allowed[m * T + s] || load[s]! >= pr.tables || fixedBusy(a, s) || fixedBusy(b, s)) continue;
      if (!frozenPrecedenceAllows(state, isFree, m, s)) continue;
      vars[s] = solver.newVar();
      options.push(2 * vars[s]!);
      solver.setPhase(vars[s]!, state.slotOf[m] === s);
    }
    solver.addClause(options);
    if (options.length > 1) solver.addAtMost(options, null, 1);
    x.set(m, vars);
  }
  for (let s = 0; s < T; s++) {
    const here: number[] = [];
    for (const m of free) if (x.get(m)![s]! >= 0) here.push(2 * x.get(m)![s]!);
    if (here.length > pr.tables - load[s]!) solver.addAtMost(here, null, pr.tables - load[s]!);
  }
  for (const m of free) {
    for (const q of pr.predecessors[m]!) {
      if (!isFree.has(q)) continue;
      // q before m: m in s excludes q in any slot ≥ s.
      const xm = x.get(m)!;
      const xq = x.get(q)!;
      for (let s = 0; s < T; s++) {
        if (xm[s]! < 0) continue;
        for (let t = s; t < T; t++) if (xq[t]! >= 0) solver.addClause([2 * xm[s]! + 1, 2 * xq[t]! + 1]);
      }
    }
  }
  // Breaks of the participants the freed meetings touch.
  const breakLits: number[] = [];
  let current = 0;
  let fewestOutside = Number.POSITIVE_INFINITY;
  for (let p = 0; p < pr.participantCount && fewestOutside > 0; p++) {
    if (!people.has(p)) fewestOutside = Math.min(fewestOutside, state.breaksOf(p));
  }
  const cap = Number.isFinite(fewestOutside) ? fewestOutside + pr.fairness : pr.fairness + T;
  for (const p of people.keys()) {
    current += state.breaksOf(p);
    const busy: number[] = [];
    for (let s = 0; s < T; s++) {
      if (fixedBusy(p, s)) {
        busy.push(TRUE);
        continue;
      }
      const here: number[] = [];
      for (const m of pr.meetingsOf[p]!) {
        const vars = x.get(m);
        if (vars && vars[s]! >= 0) here.push(2 * vars[s]!);
      }
      if (here.length === 0) {
        busy.push(TRUE ^ 1);
        continue;
      }
      const y = 2 * solver.newVar();
      solver.addClause([y ^ 1, ...here]);
      for (const l of here) solver.addClause([l ^ 1, y]);
      if (here.length > 1) solver.addAtMost(here, null, 1);
      busy.push(y);
    }
    // seen(s): p has a meeting in a slot ≤ s; a break ends at s when busy(s), idle(s-1), seen(s-2).
    const own: number[] = [];
    const seen: number[] = [];
    for (let s = 0; s < T; s++) {
      const z = 2 * solver.newVar();
      solver.addClause([busy[s]! ^ 1, z]);
      if (s > 0) solver.addClause([seen[s - 1]! ^ 1, z]);
      if (s >= 2) {
        const brk = 2 * solver.newVar();
        solver.addClause([busy[s]! ^ 1, busy[s - 1]!, seen[s - 2]! ^ 1, brk]);
        own.push(brk);
      }
      seen.push(z);
    }
    if (own.length > cap) solver.addAtMost(own, null, cap);
    breakLits.push(...own);
  }
  if (current === 0) return { improved: false, exhausted: true };
  solver.addAtMost(breakLits, null, current - 1);
  const outcome = solver.solve([], conflictBudget);
  if (outcome !== 'sat') return { improved: false, exhausted: outcome === 'unsat' };
  const before = state.costs();
  const oldSlots = free.map((m) => state.slotOf[m]!);
  for (const m of free) state.remove(m);
  for (const m of free) {
    const vars = x.get(m)!;
    for (let s = 0; s < T; s++) if (vars[s]! >= 0 && solver.model[vars[s]!] === 1) state.place(m, s);
  }
  const after = state.costs();
  if (after.unfairness > before.unfairness || after.breaks >= before.breaks || after.unscheduledWeight > before.unscheduledWeight + 1e-9) {
    for (const m of free) if (state.slotOf[m]! >= 0) state.remove(m);
    free.forEach((m, i) => state.place(m, oldSlots[i]!));
    return { improved: false, exhausted: false };
  }
  return { improved: true, exhausted: false };
}

function frozenPrecedenceAllows(state: ScheduleState, isFree: Set<number>, m: number, s: number): boolean {
  const pr = state.problem;
  for (const q of pr.predecessors[m]!) {
    const t = state.slotOf[q]!;
    if (!isFree.has(q) && t >= 0 && t >= s) return false;
  }
  for (const q of pr.successors[m]!) {
    const t = state.slotOf[q]!;
    if (!isFree.has(q) && t >= 0 && t <= s) return false;
  }
  return true;
}
