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
 * "Is there a fair schedule holding at least this weight with at most k breaks?" on one model,
 * the limit passed as an assumption, so what the solver learns about the event carries over
 * from one question to the next. Asked from below (k = the proven lower bound, raised by one
 * after each "no") and from above (k between the bound and the best schedule found). Only for
 * k below the number of participants, where the fewest breaks anyone has (μ) must be 0.
 */
export class BreaksFromBelow {
  private readonly model: ExactModel;
  private readonly selectors = new Map<number, number>();
  conflicts = 0;

  static applies(problem: Problem, maxBreaks: number): boolean {
    return maxBreaks < problem.participantCount && largestFewestBreaks(problem, maxBreaks) === 0;
  }

  constructor(
    problem: Problem,
    minWeight: number,
    weights: Int32Array,
    /** The question from below: no schedule has fewer breaks than this (as far as known). */
    public maxBreaks: number,
    options: { previous?: Int32Array } = {},
  ) {
    this.model = buildExactModel(problem, { minWeight, mu: 0 }, weights, options);
  }

  private selector(k: number): number {
    let selector = this.selectors.get(k);
    if (selector === undefined) this.selectors.set(k, (selector = this.model.breaksAtMost(k)));
    return selector;
  }

  /** Works on "at most maxBreaks breaks?" for up to `conflictBudget` conflicts. */
  step(conflictBudget: number): ProofAnswer {
    return this.ask(this.maxBreaks, conflictBudget);
  }

  /** Works on "at most k breaks?" for up to `conflictBudget` conflicts. */
  ask(k: number, conflictBudget: number): ProofAnswer {
    const solver = this.model.solver;
    const before = solver.conflicts;
    const outcome = solver.solve([this.selector(k)], conflictBudget);
    this.conflicts += solver.conflicts - before;
    if (outcome === 'unknown') return { outcome: 'running' };
    if (outcome === 'sat') return { outcome: 'sat', slots: this.model.decode() };
    return { outcome: 'unsat' };
  }

  /** After a "no": asks the next question, one break more. */
  raise(): void {
    this.raiseTo(this.maxBreaks + 1);
  }

  /** No schedule has fewer than k breaks: every question below k is answered for good. */
  raiseTo(k: number): void {
    for (const [limit, selector] of this.selectors) if (limit < k) this.model.solver.addClause([selector ^ 1]);
    this.maxBreaks = Math.max(this.maxBreaks, k);
  }
}
