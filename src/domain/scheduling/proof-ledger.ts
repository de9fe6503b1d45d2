/**
 * What has been proven about the best schedule, level by level of the lexicographic objective
 * (weight, then breaks, then moves — or moves before breaks). A level is optimal when a bound
 * computed without search is met, or when a SAT proof showed that nothing beats the value at
 * the same values of the levels above.
 */
import type { ProofGoal } from './prove';
import type { Costs } from './schedule-state';

export type Level = 'weight' | 'breaks' | 'moved';

const EPS = 1e-9;

export interface Bounds {
  /** Most weight any schedule can hold. */
  weight: number;
  /** Fewest breaks of any schedule holding every meeting. */
  breaksIfAllHeld: number;
  /** Fewest moves of any re-plan (meetings whose published slot is no longer allowed). */
  moved: number;
  totalWeight: number;
  replanning: boolean;
}

export function sameLevel(x: Costs, y: Costs, level: Level): boolean {
  if (level === 'weight') return Math.abs(x.unscheduledWeight - y.unscheduledWeight) <= EPS;
  return level === 'breaks' ? x.breaks === y.breaks : x.moved === y.moved;
}

export class ProofLedger {
  private readonly proofs: Array<{ level: Level; costs: Costs }> = [];
  /** SAT proofs that no fair schedule holding at least this weight has fewer breaks. */
  private readonly breaksFloors: Array<{ unscheduledWeight: number; atLeast: number }> = [];

  constructor(
    readonly levels: readonly Level[],
    private readonly bounds: Bounds,
  ) {}

  /** A SAT proof: at `costs`, `level` cannot improve without losing a level above it. */
  record(level: Level, costs: Costs): void {
    this.proofs.push({ level, costs });
  }

  /**
   * A SAT proof that no fair schedule holding at least the weight `costs` holds has fewer than
   * `atLeast` breaks (the question "breaks ≤ atLeast − 1?" was answered no).
   */
  raiseBreaksBound(costs: Costs, atLeast: number): void {
    this.breaksFloors.push({ unscheduledWeight: costs.unscheduledWeight, atLeast });
  }

  private provenFloor(best: Costs): number {
    let floor = best.unscheduledWeight <= EPS ? this.bounds.breaksIfAllHeld : 0;
    // A schedule holding more weight than the proof's also held at least that much.
    for (const f of this.breaksFloors) if (best.unscheduledWeight <= f.unscheduledWeight + EPS) floor = Math.max(floor, f.atLeast);
    return floor;
  }

  private boundMet(level: Level, best: Costs): boolean {
    const b = this.bounds;
    if (level === 'weight') return b.totalWeight - best.unscheduledWeight >= b.weight - EPS;
    if (level === 'breaks') return best.breaks <= this.provenFloor(best);
    return !b.replanning || best.moved <= b.moved;
  }

  private sameUpTo(x: Costs, y: Costs, level: Level): boolean {
    for (const l of this.levels) {
      if (!sameLevel(x, y, l)) return false;
      if (l === level) return true;
    }
    return true;
  }

  /** Whether `level` and every level above it are proven optimal for `best`. */
  isProven(level: Level, best: Costs): boolean {
    if (best.unfairness > 0) return false;
    for (const l of this.levels) {
      const done = this.boundMet(l, best) || this.proofs.some((p) => p.level === l && this.sameUpTo(p.costs, best, l));
      if (!done) return false;
      if (l === level) return true;
    }
    return true;
  }

  allProven(best: Costs): boolean {
    return this.isProven(this.levels[this.levels.length - 1]!, best);
  }

  /** The best lower bound on breaks known for schedules at least as heavy as `best`. */
  breaksBound(best: Costs): number {
    const proven = this.proofs.some((p) => p.level === 'breaks' && p.costs.breaks === best.breaks && sameLevel(p.costs, best, 'weight'));
    if (proven) return best.breaks;
    return this.provenFloor(best);
  }

  /** The question whose "no" proves `level` optimal for `best` (weights scaled to integers). */
  goalFor(level: Level, best: Costs, scale: number): ProofGoal {
    const held = Math.round((this.bounds.totalWeight - best.unscheduledWeight) * scale);
    if (best.unfairness > 0) return { minWeight: 0 }; // first find any fair schedule
    if (level === 'weight') return { minWeight: held + 1 };
    const goal: ProofGoal = { minWeight: held };
    for (const l of this.levels.slice(1, this.levels.indexOf(level) + 1)) {
      const value = (l === 'breaks' ? best.breaks : best.moved) - (l === level ? 1 : 0);
      if (l === 'breaks') goal.maxBreaks = value;
      else goal.maxMoved = value;
    }
    return goal;
  }
}
