/**
 * Core-guided lower bounds on breaks, which is what made MaxSAT the best method in Bofill et
 * al. (JAIR 74, 2022). Participants start in groups of one with a break budget each (their own
 * lower bound). The SAT solver is asked for a schedule within every budget; when it proves that
 * impossible it names the groups involved (an unsatisfiable core). At least one of those groups
 * needs one more break, so they are merged into one group whose budget is their sum plus one,
 * and the lower bound rises by one. Budgets always stay below what the groups must have, so
 * the first schedule found within all budgets is optimal.
 */
import { buildExactModel, type ExactModel } from './exact-model';
import type { Problem } from './problem';

export type CoreGuidedAnswer =
  | { outcome: 'optimal'; slots: Int32Array }
  /** The lower bound reached the best known schedule: that schedule is optimal. */
  | { outcome: 'bound-reached' }
  | { outcome: 'running' };

interface Group {
  participants: number[];
  budget: number;
  selector: number;
}

export class CoreGuidedBreaks {
  private readonly model: ExactModel;
  private readonly groups = new Map<number, Group>();
  lowerBound = 0;
  cores = 0;
  private readonly bestBreaks: number;

  constructor(
    problem: Problem,
    weights: Int32Array,
    goal: { minWeight: number; bestBreaks: number; maxMoved?: number },
    ownBounds: Int32Array,
    options: { previous?: Int32Array; hint?: Int32Array } = {},
  ) {
    this.model = buildExactModel(
      problem,
      { minWeight: goal.minWeight, maxBreaks: goal.bestBreaks - 1, maxMoved: goal.maxMoved, mu: 0 },
      weights,
      options,
    );
    this.bestBreaks = goal.bestBreaks;
    for (let p = 0; p < problem.participantCount; p++) {
      if (this.model.breakLiterals(p).length === 0) continue;
      this.addGroup([p], ownBounds[p]!);
      this.lowerBound += ownBounds[p]!;
    }
  }

  private addGroup(participants: number[], budget: number): void {
    const solver = this.model.solver;
    const lits = participants.flatMap((p) => this.model.breakLiterals(p));
    const selector = solver.newVar();
    const room = lits.length;
    // selector → Σ breaks ≤ budget (the selector's weight switches the limit off when false).
    solver.addAtMost([...lits, 2 * selector], [...lits.map(() => 1), room], budget + room);
    this.groups.set(selector, { participants, budget, selector });
  }

  step(conflictBudget: number): CoreGuidedAnswer {
    const solver = this.model.solver;
    for (;;) {
      const assumptions = [...this.groups.keys()].map((v) => 2 * v);
      const outcome = solver.solve(assumptions, conflictBudget);
      if (outcome === 'unknown') return { outcome: 'running' };
      if (outcome === 'sat') return { outcome: 'optimal', slots: this.model.decode() };
      if (solver.core.length === 0) return { outcome: 'bound-reached' };
      const merged: number[] = [];
      let budget = 1;
      for (const lit of solver.core) {
        const group = this.groups.get(lit >> 1)!;
        merged.push(...group.participants);
        budget += group.budget;
        this.groups.delete(lit >> 1);
        solver.addClause([lit ^ 1]);
      }
      this.addGroup(merged, budget);
      this.lowerBound++;
      this.cores++;
      if (this.lowerBound >= this.bestBreaks) return { outcome: 'bound-reached' };
      return { outcome: 'running' };
    }
  }
}
