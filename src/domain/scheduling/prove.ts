/**
 * Decides "is there a fair schedule with weight ≥ W, breaks ≤ K (and moves ≤ V)?" with the SAT
 * model, one fairness case μ at a time, in small conflict budgets so the caller can keep to its
 * deadline, report progress and honour cancellation between steps.
 */
import { buildExactModel, type ExactModel } from './exact-model';
import type { Problem } from './problem';

export interface ProofGoal {
  minWeight: number;
  maxBreaks?: number;
  maxMoved?: number;
}

export type ProofAnswer = { outcome: 'unsat' } | { outcome: 'sat'; slots: Int32Array } | { outcome: 'running' };

/** The largest μ (fewest breaks of anyone) any schedule can have. */
export function largestFewestBreaks(problem: Problem, maxBreaks?: number): number {
  const P = problem.participantCount;
  if (P === 0) return 0;
  let mu = Math.floor((problem.slots - 1) / 2);
  for (let p = 0; p < P; p++) {
    const meetings = Math.min(problem.maxMeetings[p]!, problem.meetingsOf[p]!.length);
    mu = Math.min(mu, Math.max(0, meetings - 1));
  }
  if (maxBreaks !== undefined) mu = Math.min(mu, Math.floor(maxBreaks / P));
  return Math.max(0, mu);
}

export class Proof {
  private mu = 0;
  private readonly lastMu: number;
  private model: ExactModel | undefined;
  conflicts = 0;

  constructor(
    private readonly problem: Problem,
    private readonly goal: ProofGoal,
    private readonly weights: Int32Array,
    private readonly options: { previous?: Int32Array; hint?: Int32Array } = {},
  ) {
    this.lastMu = largestFewestBreaks(problem, goal.maxBreaks);
  }

  step(conflictBudget: number): ProofAnswer {
    for (;;) {
      if (!this.model) {
        this.model = buildExactModel(this.problem, { ...this.goal, mu: this.mu }, this.weights, this.options);
      }
      const before = this.model.solver.conflicts;
      const outcome = this.model.solver.solve([], conflictBudget);
      this.conflicts += this.model.solver.conflicts - before;
      if (outcome === 'unknown') return { outcome: 'running' };
      if (outcome === 'sat') return { outcome: 'sat', slots: this.model.decode() };
      if (this.mu >= this.lastMu) return { outcome: 'unsat' };
      this.mu++;
      this.model = undefined;
    }
  }
}

/**
 * The breaks questions for one weight level, on one SAT model so that what the solver learns
 * carries over from one question to the next:
 *
 * - from below, core-guided (PMRES, the MaxSAT-resolution scheme of Narodytska and Bacchus):
 *   assume "no break anywhere"; each "no" comes with a core, a set of those assumptions that
 *   cannot all hold, so at least one more break is needed. The core's assumptions b₁…bₙ give
 *   way to n − 1 new ones, "not (bᵢ and one of bᵢ₊₁…bₙ)": one break among them is paid for,
 *   each further one breaks a new assumption. The number of cores is a lower bound; a "yes"
 *   with no core pending is a schedule with exactly that many breaks.
 *   The earlier scheme (OLL: one "at most k of these" counter per core) proved 23 of 38
 *   crowded forum-shaped events with breaks in 8 s each; this one 31, and the two hardest of
 *   the bench's 20 in 0.6 s and 7.2 s instead of 18 s and not within 30 s.
 * - from above, `ask(k)`: "at most k breaks in all?", the limit passed as an assumption.
 *
 * The model fixes the fewest breaks anyone has (μ) at 0, so a bound it proves holds only while
 * every schedule below it has someone without a break: see `applies`.
 */
export class BreaksFromBelow {
  private readonly model: ExactModel;
  private readonly selectors = new Map<number, number>();
  /** Assumptions of the search from below: "no break here", and those of relaxed cores. */
  private readonly soft: Set<number>;
  /**
   * Cores found since the last "yes", relaxed only then: looking for disjoint cores first
   * (weight-aware core extraction) proved the crowded instances' optima sooner overall, and
   * every "yes" on the way is a schedule.
   */
  private readonly pending: number[][] = [];
  /** Cores found so far: no schedule of the model has fewer breaks. */
  lowerBound = 0;
  conflicts = 0;

  /** Whether every schedule with at most `maxBreaks` breaks has someone without a break. */
  static applies(problem: Problem, maxBreaks: number): boolean {
    return maxBreaks < problem.participantCount && largestFewestBreaks(problem, maxBreaks) === 0;
  }

  constructor(problem: Problem, minWeight: number, weights: Int32Array, options: { previous?: Int32Array } = {}) {
    this.model = buildExactModel(problem, { minWeight, mu: 0 }, weights, options);
    this.soft = new Set(this.model.breakLiterals.map((l) => l ^ 1));
  }

  private selector(k: number): number {
    let selector = this.selectors.get(k);
    if (selector === undefined) this.selectors.set(k, (selector = this.model.breaksAtMost(k)));
    return selector;
  }

  /**
   * Works on the search from below for up to `conflictBudget` conflicts: "unsat" means one
   * more core (`lowerBound` rose by one), "sat" a schedule, optimal when it has `lowerBound`
   * breaks (otherwise the search goes on with the next step).
   */
  step(conflictBudget: number): ProofAnswer {
    const solver = this.model.solver;
    const answer = this.solve([...this.soft], conflictBudget);
    if (answer.outcome === 'sat') {
      // With cores pending, not yet optimal: they were disjoint, and now they are relaxed. The
      // schedule is still one to keep.
      for (const violated of this.pending.splice(0)) this.relax(violated);
    }
    if (answer.outcome !== 'unsat') return answer;
    this.lowerBound++;
    // An empty core: no schedule of the model at all; every step then raises the bound, which
    // holds as long as `applies` does.
    const violated: number[] = [];
    for (const assumption of solver.core) {
      this.soft.delete(assumption);
      violated.push(assumption ^ 1);
    }
    // A core of one assumption is a fact: the solver has learnt it, and nothing is left to relax.
    if (violated.length > 1) this.pending.push(violated);
    return { outcome: 'unsat' };
  }

  /**
   * Relaxes a core b₁…bₙ (at least one holds): dᵢ ⇔ bᵢ₊₁ ∨ … ∨ bₙ and cᵢ ⇔ bᵢ ∧ dᵢ, with "not cᵢ"
   * the new assumptions. Exactly (number of b that hold) − 1 of the cᵢ hold, so the bound stays
   * exact: a schedule that breaks none of the new assumptions has one break here, already
   * counted.
   */
  private relax(violated: number[]): void {
    const solver = this.model.solver;
    solver.addClause(violated);
    let d = violated[violated.length - 1]!;
    for (let i = violated.length - 2; i >= 0; i--) {
      const b = violated[i]!;
      const c = 2 * solver.newVar();
      solver.addClause([b ^ 1, d ^ 1, c]);
      solver.addClause([c ^ 1, b]);
      solver.addClause([c ^ 1, d]);
      this.soft.add(c ^ 1);
      if (i === 0) break;
      const e = 2 * solver.newVar();
      solver.addClause([b ^ 1, e]);
      solver.addClause([d ^ 1, e]);
      solver.addClause([e ^ 1, b, d]);
      d = e;
    }
  }

  /** Works on "at most k breaks?" for up to `conflictBudget` conflicts. */
  ask(k: number, conflictBudget: number): ProofAnswer {
    return this.solve([this.selector(k)], conflictBudget);
  }

  private solve(assumptions: number[], conflictBudget: number): ProofAnswer {
    const solver = this.model.solver;
    const before = solver.conflicts;
    const outcome = solver.solve(assumptions, conflictBudget);
    this.conflicts += solver.conflicts - before;
    if (outcome === 'unknown') return { outcome: 'running' };
    if (outcome === 'sat') return { outcome: 'sat', slots: this.model.decode() };
    return { outcome: 'unsat' };
  }

  /** No schedule has fewer than k breaks: every question below k is answered for good. */
  raiseTo(k: number): void {
    for (const [limit, selector] of this.selectors) if (limit < k) this.model.solver.addClause([selector ^ 1]);
  }
}
