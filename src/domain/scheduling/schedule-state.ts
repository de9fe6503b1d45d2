/**
 * A mutable slot assignment with its objective values kept up to date in O(1) per change, so the
 * local search can try millions of changes. Tables are assigned afterwards (tables.ts).
 */
import { IndexedSet } from './indexed-set';
import type { Problem } from './problem';

export interface Costs {
  unscheduledWeight: number;
  /** Breaks above the fairness limit, summed over participants (0 when fair). */
  unfairness: number;
  breaks: number;
  moved: number;
}

export class ScheduleState {
  readonly problem: Problem;
  readonly T: number;
  /** Slot of each meeting, -1 when not held. */
  readonly slotOf: Int32Array;
  /** Meeting of participant p in slot s at [p * T + s], -1 when free. */
  readonly at: Int32Array;
  readonly load: Int32Array;
  readonly runs: Int32Array;
  readonly count: Int32Array;
  /** First and last busy slot of each participant (T and -1 when idle all day). */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Idle slots between participants' first and last meetings: a smoother guide than breaks. */
  totalIdle = 0;
  /** Number of participants with each break count. */
  readonly breakHistogram: Int32Array;
  /** Slot of each meeting in the published schedule being re-planned, -1 when new. */
  readonly previous: Int32Array | undefined;
  totalBreaks = 0;
  unscheduledWeight: number;
  unscheduledCount: number;
  moved = 0;
  /** Participants with at least one break, for targeted moves. */
  readonly withBreaks: IndexedSet;
  /** Participants with more breaks than the fairness limit allows when someone has none. */
  readonly overLimit: IndexedSet;
  /** Meetings not held, in no particular order. */
  readonly notHeld: Int32Array;
  private readonly notHeldPos: Int32Array;

  constructor(problem: Problem, previous?: Int32Array) {
    this.problem = problem;
    this.T = problem.slots;
    const { participantCount: P, meetingCount: M } = problem;
    this.slotOf = new Int32Array(M).fill(-1);
    this.at = new Int32Array(P * this.T).fill(-1);
    this.load = new Int32Array(this.T);
    this.runs = new Int32Array(P);
    this.count = new Int32Array(P);
    this.first = new Int32Array(P).fill(this.T);
    this.last = new Int32Array(P).fill(-1);
    this.breakHistogram = new Int32Array(this.T + 1);
    this.breakHistogram[0] = P;
    this.previous = previous;
    this.unscheduledWeight = problem.totalWeight;
    this.unscheduledCount = M;
    this.withBreaks = new IndexedSet(P);
    this.overLimit = new IndexedSet(P);
    if (previous) for (let m = 0; m < M; m++) if (previous[m]! >= 0) this.moved++;
    this.notHeld = Int32Array.from({ length: M }, (_, m) => m);
    this.notHeldPos = Int32Array.from({ length: M }, (_, m) => m);
  }

  breaksOf(p: number): number {
    const r = this.runs[p]!;
    return r > 1 ? r - 1 : 0;
  }

  isFree(p: number, s: number): boolean {
    return this.at[p * this.T + s]! < 0;
  }

  /**
   * Breaks above the fairness limit, summed over participants: 0 exactly when the schedule is
   * fair. A sum rather than the spread itself, so that each participant brought back within
   * the limit counts as progress.
   */
  unfairness(): number {
    const h = this.breakHistogram;
    let lo = 0;
    while (lo < h.length && h[lo] === 0) lo++;
    let excess = 0;
    for (let b = lo + this.problem.fairness + 1; b < h.length; b++) excess += (b - lo - this.problem.fairness) * h[b]!;
    return excess;
  }

  spread(): number {
    const h = this.breakHistogram;
    let lo = 0;
    while (lo < h.length && h[lo] === 0) lo++;
    let hi = h.length - 1;
    while (hi > 0 && h[hi] === 0) hi--;
    return lo >= h.length ? 0 : hi - lo;
  }

  costs(): Costs {
    return {
      unscheduledWeight: this.unscheduledWeight,
      unfairness: this.unfairness(),
      breaks: this.totalBreaks,
      moved: this.moved,
    };
  }

  /** Whether m (currently not held) can be held in s without moving anything else. */
  canPlace(m: number, s: number): boolean {
    const pr = this.problem;
    const T = this.T;
    if (!pr.allowed[m * T + s] || this.load[s]! >= pr.tables) return false;
    const a = pr.meetingA[m]!;
    const b = pr.meetingB[m]!;
    if (this.at[a * T + s]! >= 0 || this.at[b * T + s]! >= 0) return false;
    if (this.count[a]! >= pr.maxMeetings[a]! || this.count[b]! >= pr.maxMeetings[b]!) return false;
    return this.precedenceAllows(m, s);
  }

  precedenceAllows(m: number, s: number): boolean {
    const pr = this.problem;
    if (!pr.hasPrecedences) return true;
    for (const q of pr.predecessors[m]!) {
      const t = this.slotOf[q]!;
      if (t >= 0 && t >= s) return false;
    }
    for (const q of pr.successors[m]!) {
      const t = this.slotOf[q]!;
      if (t >= 0 && t <= s) return false;
    }
    return true;
  }

  place(m: number, s: number): void {
    const pr = this.problem;
    this.slotOf[m] = s;
    this.load[s]!++;
    this.occupy(pr.meetingA[m]!, s, m);
    this.occupy(pr.meetingB[m]!, s, m);
    this.unscheduledWeight -= pr.weight[m]!;
    const i = this.notHeldPos[m]!;
    const last = this.notHeld[--this.unscheduledCount]!;
    this.notHeld[i] = last;
    this.notHeldPos[last] = i;
    if (this.previous) {
      const before = this.previous[m]!;
      if (before >= 0 && before === s) this.moved--;
    }
  }

  remove(m: number): void {
    const pr = this.problem;
    const s = this.slotOf[m]!;
    this.slotOf[m] = -1;
    this.load[s]!--;
    this.vacate(pr.meetingA[m]!, s);
    this.vacate(pr.meetingB[m]!, s);
    this.unscheduledWeight += pr.weight[m]!;
    this.notHeldPos[m] = this.unscheduledCount;
    this.notHeld[this.unscheduledCount++] = m;
    if (this.previous) {
      const before = this.previous[m]!;
      if (before >= 0 && before === s) this.moved++;
    }
  }

  /** Moves a held meeting whose participants are both free in t (used by chain moves). */
  shift(m: number, t: number): void {
    this.remove(m);
    this.place(m, t);
  }

  private occupy(p: number, s: number, m: number): void {
    const T = this.T;
    const base = p * T;
    const left = s > 0 && this.at[base + s - 1]! >= 0 ? 1 : 0;
    const right = s + 1 < T && this.at[base + s + 1]! >= 0 ? 1 : 0;
    this.totalIdle -= this.idleOf(p);
    this.at[base + s] = m;
    this.count[p]!++;
    if (s < this.first[p]!) this.first[p] = s;
    if (s > this.last[p]!) this.last[p] = s;
    this.totalIdle += this.idleOf(p);
    this.setRuns(p, this.runs[p]! + 1 - left - right);
  }

  idleOf(p: number): number {
    const n = this.count[p]!;
    return n === 0 ? 0 : this.last[p]! - this.first[p]! + 1 - n;
  }

  private vacate(p: number, s: number): void {
    const T = this.T;
    const base = p * T;
    this.totalIdle -= this.idleOf(p);
    this.at[base + s] = -1;
    if (this.count[p] === 1) {
      this.first[p] = T;
      this.last[p] = -1;
    } else {
      if (s === this.first[p]) {
        let f = s + 1;
        while (this.at[base + f]! < 0) f++;
        this.first[p] = f;
      }
      if (s === this.last[p]) {
        let l = s - 1;
        while (this.at[base + l]! < 0) l--;
        this.last[p] = l;
      }
    }
    const left = s > 0 && this.at[base + s - 1]! >= 0 ? 1 : 0;
    const right = s + 1 < T && this.at[base + s + 1]! >= 0 ? 1 : 0;
    this.count[p]!--;
    this.totalIdle += this.idleOf(p);
    this.setRuns(p, this.runs[p]! - 1 + left + right);
  }

  private setRuns(p: number, runs: number): void {
    const before = this.breaksOf(p);
    this.runs[p] = runs;
    const after = this.breaksOf(p);
    if (before === after) return;
    this.totalBreaks += after - before;
    this.breakHistogram[before]!--;
    this.breakHistogram[after]!++;
    if (after > 0) this.withBreaks.add(p);
    else this.withBreaks.delete(p);
    if (after > this.problem.fairness) this.overLimit.add(p);
    else this.overLimit.delete(p);
  }

  /** The held slots, for keeping the best schedule seen. */
  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  /** Replaces the whole assignment (e.g. with the best one seen). */
  restore(slots: Int32Array): void {
    for (let m = 0; m < this.slotOf.length; m++) if (this.slotOf[m]! >= 0) this.remove(m);
    for (let m = 0; m < slots.length; m++) if (slots[m]! >= 0) this.place(m, slots[m]!);
  }
}
