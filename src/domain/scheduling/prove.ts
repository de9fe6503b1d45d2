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
