/**
 * Kempe-chain moves: exchange slots s and t along the alternating chain of meetings that starts
 * at a meeting. Every participant inside the chain keeps one meeting in s and one in t, so nobody
 * is ever double-booked and only the two participants at the ends of the chain change their day —
 * which is why a move is cheap to evaluate whatever the chain's length.
 */
import type { ScheduleState } from './schedule-state';

export class KempeMove {
  /** Meetings of the chain and their slots after the move. */
  readonly chain: number[] = [];
  readonly target: number[] = [];
  /** Participants whose busy slot changes: from → to. */
  readonly ends: number[] = [];
  readonly endFrom: number[] = [];
  readonly endTo: number[] = [];
  deltaBreaks = 0;
  deltaIdle = 0;
  deltaUnfairness = 0;
  deltaMoved = 0;
  /** Meetings the move brings into the target slot, minus those it takes out. */
  balance = 0;
  blockedByTables = false;
  private readonly stamp: Int32Array;
  private epoch = 0;
  private readonly newBreaks: number[] = [];

  constructor(meetingCount: number) {
    this.stamp = new Int32Array(meetingCount);
  }

  /**
   * Builds the chain that moves held meeting m to slot t and its effect on the objectives.
   * Returns false when the move is impossible (session, availability, tables, precedence) or
   * changes nobody's day (a cycle). A move that only lacks a free table sets `blockedByTables`;
   * with `ignoreTables` it is measured anyway, for pairing with a move the other way.
   */
  evaluate(state: ScheduleState, m: number, t: number, ignoreTables = false): boolean {
    const pr = state.problem;
    const T = state.T;
    const s = state.slotOf[m]!;
    if (s < 0 || s === t) return false;
    if (++this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const epoch = this.epoch;
    const chain = this.chain;
    const target = this.target;
    chain.length = 0;
    target.length = 0;
    this.ends.length = 0;
    this.endFrom.length = 0;
    this.endTo.length = 0;
    chain.push(m);
    target.push(t);
    this.stamp[m] = epoch;
    this.blockedByTables = false;
    if (!pr.allowed[m * T + t]) return false;
    let balance = 1; // meetings entering t minus meetings leaving it
    for (let side = 0; side < 2; side++) {
      let p = side === 0 ? pr.meetingA[m]! : pr.meetingB[m]!;
      let need = t; // p must give up its meeting in `need`, if any
      for (;;) {
        const next = state.at[p * T + need]!;
        if (next < 0) {
          this.ends.push(p);
          this.endFrom.push(need === t ? s : t);
          this.endTo.push(need);
          break;
        }
        if (this.stamp[next] === epoch) return false; // closed cycle: nobody's day changes
        const to = need === t ? s : t;
        if (!pr.allowed[next * T + to]) return false;
        this.stamp[next] = epoch;
        chain.push(next);
        target.push(to);
        balance += to === t ? 1 : -1;
        p = pr.meetingA[next] === p ? pr.meetingB[next]! : pr.meetingA[next]!;
        need = to;
      }
    }
    this.balance = balance;
    this.blockedByTables =
      (balance > 0 && state.load[t]! + balance > pr.tables) || (balance < 0 && state.load[s]! - balance > pr.tables);
    if (this.blockedByTables && !ignoreTables) return false;
    if (pr.hasPrecedences && !this.precedenceHolds(state)) return false;
    this.measure(state);
    return true;
  }

  private precedenceHolds(state: ScheduleState): boolean {
    const pr = state.problem;
    for (let i = 0; i < this.chain.length; i++) {
      const x = this.chain[i]!;
      const slot = this.target[i]!;
      for (const q of pr.predecessors[x]!) {
        const u = this.slotAfter(state, q);
        if (u >= 0 && u >= slot) return false;
      }
      for (const q of pr.successors[x]!) {
        const u = this.slotAfter(state, q);
        if (u >= 0 && u <= slot) return false;
      }
    }
    return true;
  }

  private slotAfter(state: ScheduleState, q: number): number {
    if (this.stamp[q] !== this.epoch) return state.slotOf[q]!;
    return this.target[this.chain.indexOf(q)]!;
  }

  private measure(state: ScheduleState): void {
    const T = state.T;
    const hist = state.breakHistogram;
    this.deltaBreaks = 0;
    this.deltaIdle = 0;
    this.newBreaks.length = 0;
    for (let i = 0; i < this.ends.length; i++) {
      const p = this.ends[i]!;
      const from = this.endFrom[i]!;
      const to = this.endTo[i]!;
      const base = p * T;
      const at = state.at;
      // Runs change only around the vacated slot and the newly busy one (p is free at `to`).
      const leftFrom = from > 0 && at[base + from - 1]! >= 0 ? 1 : 0;
      const rightFrom = from + 1 < T && at[base + from + 1]! >= 0 ? 1 : 0;
      const leftTo = to > 0 && to - 1 !== from && at[base + to - 1]! >= 0 ? 1 : 0;
      const rightTo = to + 1 < T && to + 1 !== from && at[base + to + 1]! >= 0 ? 1 : 0;
      const runs = state.runs[p]! + leftFrom + rightFrom - leftTo - rightTo;
      const before = state.breaksOf(p);
      const after = runs > 1 ? runs - 1 : 0;
      // First and last busy slot afterwards, for the idle-slot guide.
      let lo = state.first[p]!;
      let hi = state.last[p]!;
      if (state.count[p] === 1) lo = hi = to;
      else {
        if (from === lo) {
          lo = from + 1;
          while (at[base + lo]! < 0) lo++;
        }
        if (from === hi) {
          hi = from - 1;
          while (at[base + hi]! < 0) hi--;
        }
        if (to < lo) lo = to;
        if (to > hi) hi = to;
      }
      this.deltaIdle += hi - lo + 1 - state.count[p]! - state.idleOf(p);
      this.deltaBreaks += after - before;
      this.newBreaks.push(before, after);
    }
    this.deltaUnfairness = 0;
    if (this.deltaBreaks !== 0 || this.newBreaks[0] !== this.newBreaks[1]) {
      const unfairBefore = state.unfairness();
      for (let i = 0; i < this.newBreaks.length; i += 2) {
        hist[this.newBreaks[i]!]!--;
        hist[this.newBreaks[i + 1]!]!++;
      }
      this.deltaUnfairness = state.unfairness() - unfairBefore;
      for (let i = 0; i < this.newBreaks.length; i += 2) {
        hist[this.newBreaks[i]!]!++;
        hist[this.newBreaks[i + 1]!]!--;
      }
    }
    this.deltaMoved = 0;
    const previous = state.previous;
    if (previous) {
      for (let i = 0; i < this.chain.length; i++) {
        const x = this.chain[i]!;
        const before = previous[x]!;
        if (before < 0) continue;
        const wasHome = state.slotOf[x] === before ? 1 : 0;
        const isHome = this.target[i] === before ? 1 : 0;
        this.deltaMoved += wasHome - isHome;
      }
    }
  }

  apply(state: ScheduleState): void {
    for (const x of this.chain) state.remove(x);
    for (let i = 0; i < this.chain.length; i++) state.place(this.chain[i]!, this.target[i]!);
  }
}
