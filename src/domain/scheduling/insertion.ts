/**
 * Thorough insertion of a meeting that is not held: for every slot it may take, free its two
 * participants by moving whatever they have there along Kempe chains, or by taking those
 * meetings out and inserting them elsewhere in turn (an ejection chain, a few levels deep).
 * Holding every meeting comes first, so this is worth its cost on the few meetings the
 * annealing failed to place.
 */
import { KempeMove } from './kempe';
import type { Random } from './random';
import type { ScheduleState } from './schedule-state';

export class Inserter {
  private readonly move: KempeMove;
  /** Slot changes since the last commit, as (meeting, slot before) pairs, for rolling back. */
  private readonly journal: number[] = [];
  private readonly locked: Uint8Array;
  private budget = 0;

  constructor(private readonly state: ScheduleState) {
    this.move = new KempeMove(state.problem.meetingCount);
    this.locked = new Uint8Array(state.problem.meetingCount);
  }

  /** Holds m if some slot can be made free for it; returns whether it is now held. */
  insert(m: number, random: Random, depth = 2): boolean {
    this.journal.length = 0;
    this.budget = 20_000;
    const held = this.tryInsert(m, random, depth);
    this.journal.length = 0;
    return held;
  }

  /** `avoid` is a slot m must not take (the one being freed for the meeting that ejected it). */
  private tryInsert(m: number, random: Random, depth: number, avoid = -1): boolean {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    const a = pr.meetingA[m]!;
    const b = pr.meetingB[m]!;
    if (state.count[a]! >= pr.maxMeetings[a]! || state.count[b]! >= pr.maxMeetings[b]!) return false;
    this.locked[m] = 1;
    const start = random.below(T);
    try {
      for (let pass = 0; pass < (depth > 0 ? 2 : 1); pass++) {
        for (let i = 0; i < T; i++) {
          if (--this.budget < 0) return false;
          const s = (start + i) % T;
          if (s === avoid) continue;
          if (!pr.allowed[m * T + s] || state.load[s]! >= pr.tables) continue;
          const mark = this.journal.length;
          if (!this.makeRoomInOrder(m, s)) {
            this.rollback(mark);
            continue;
          }
          if (pass === 0 ? this.freeByChains(a, b, s) : this.freeByEjection(a, b, s, random, depth)) {
            if (state.canPlace(m, s)) {
              this.place(m, s);
              return true;
            }
          }
          this.rollback(mark);
        }
      }
      return false;
    } finally {
      this.locked[m] = 0;
    }
  }

  /** Moves held predecessors before s and successors after s, so m may take s. */
  private makeRoomInOrder(m: number, s: number): boolean {
    const state = this.state;
    const pr = state.problem;
    if (!pr.hasPrecedences) return true;
    for (const q of pr.predecessors[m]!) {
      const t = state.slotOf[q]!;
      if (t >= 0 && t >= s && !this.chainTo(q, 0, s - 1)) return false;
    }
    for (const q of pr.successors[m]!) {
      const t = state.slotOf[q]!;
      if (t >= 0 && t <= s && !this.chainTo(q, s + 1, state.T - 1)) return false;
    }
    return state.precedenceAllows(m, s);
  }

  /** Moves held meeting q into a slot in [lo, hi] along some Kempe chain. */
  private chainTo(q: number, lo: number, hi: number): boolean {
    if (this.locked[q] || this.state.problem.fixedSlot[q]! >= 0) return false;
    for (let u = lo; u <= hi; u++) {
      if (!this.move.evaluate(this.state, q, u)) continue;
      if (this.move.chain.some((x) => this.locked[x])) continue;
      const chain = this.move.chain.slice();
      const target = this.move.target.slice();
      for (const x of chain) this.remove(x);
      chain.forEach((x, i) => this.place(x, target[i]!));
      return true;
    }
    return false;
  }

  private freeByChains(a: number, b: number, s: number): boolean {
    for (const person of [a, b]) if (!this.state.isFree(person, s) && !this.chainAway(person, s)) return false;
    return true;
  }

  /** Moves the participant's meeting out of slot s along some Kempe chain. */
  private chainAway(person: number, s: number): boolean {
    const state = this.state;
    const T = state.T;
    const blocker = state.at[person * T + s]!;
    if (this.locked[blocker]) return false;
    for (let u = 0; u < T; u++) {
      if (u === s || !state.isFree(person, u)) continue;
      if (!this.move.evaluate(state, blocker, u)) continue;
      if (this.move.chain.some((q) => this.locked[q])) continue;
      const mark = this.journal.length;
      const chain = this.move.chain.slice();
      const target = this.move.target.slice();
      for (const q of chain) this.remove(q);
      chain.forEach((q, i) => this.place(q, target[i]!));
      if (state.isFree(person, s)) return true;
      this.rollback(mark);
    }
    return false;
  }

  /** Takes out what blocks slot s and inserts it somewhere else, one level deeper. */
  private freeByEjection(a: number, b: number, s: number, random: Random, depth: number): boolean {
    const state = this.state;
    const pr = state.problem;
    const T = state.T;
    const ejected: number[] = [];
    for (const person of [a, b]) {
      const blocker = state.at[person * T + s]!;
      if (blocker < 0 || ejected.includes(blocker)) continue;
      if (this.locked[blocker] || pr.fixedSlot[blocker]! >= 0) return false;
      ejected.push(blocker);
      this.remove(blocker);
    }
    if (ejected.length === 0) return true;
    // Each ejected meeting shares a participant with the one being inserted, so it must go
    // anywhere but s.
    return ejected.every((x) => this.tryInsert(x, random, depth - 1, s));
  }

  private place(m: number, s: number): void {
    this.journal.push(m, -1);
    this.state.place(m, s);
  }

  private remove(m: number): void {
    this.journal.push(m, this.state.slotOf[m]!);
    this.state.remove(m);
  }

  private rollback(mark: number): void {
    const state = this.state;
    while (this.journal.length > mark) {
      const before = this.journal.pop()!;
      const m = this.journal.pop()!;
      if (state.slotOf[m]! >= 0) state.remove(m);
      if (before >= 0) state.place(m, before);
    }
  }
}
