/**
 * Kempe-chain moves: exchange slots s and t along the alternating chain of meetings that starts
 * at a meeting. Every participant inside the chain keeps one meeting in s and one in t, so nobody
 * is ever double-booked and only the two participants at the ends of the chain change their day —
 * which is why a move is cheap to evaluate whatever the chain's length.
 */
import type { ScheduleState } from './schedule-state';

export class KempeMove {
  /**
   * Meetings of the chain (first `length` entries) and their slots after the move. Typed
   * buffers reused across moves: the local search evaluates millions of moves, and growing and
   * truncating plain arrays showed up as a tenth of its time on large events.
   */
  private readonly chainBuffer: Int32Array;
  private readonly targetBuffer: Int32Array;
  length = 0;
  /** Participants whose busy slot changes (at most two): from → to. */
  readonly ends = new Int32Array(2);
  readonly endFrom = new Int32Array(2);
  readonly endTo = new Int32Array(2);
  endCount = 0;
  deltaBreaks = 0;
  deltaIdle = 0;
  deltaUnfairness = 0;
  deltaMoved = 0;
  /** Meetings the move brings into the target slot, minus those it takes out. */
  balance = 0;
  blockedByTables = false;
  private readonly stamp: Int32Array;
  private epoch = 0;
  /** Breaks of each end before and after the move. */
  private readonly newBreaks = new Int32Array(4);

  constructor(meetingCount: number) {
    this.stamp = new Int32Array(meetingCount);
    this.chainBuffer = new Int32Array(meetingCount + 1);
    this.targetBuffer = new Int32Array(meetingCount + 1);
  }

  /** The chain's meetings; a view, valid until the next evaluation. */
  get chain(): Int32Array {
    return this.chainBuffer.subarray(0, this.length);
  }

  /** The slot each chain meeting takes; a view, valid until the next evaluation. */
  get target(): Int32Array {
    return this.targetBuffer.subarray(0, this.length);
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
    const chain = this.chainBuffer;
    const target = this.targetBuffer;
    const at = state.at;
    const allowed = pr.allowed;
    const meetingA = pr.meetingA;
    const meetingB = pr.meetingB;
    const stamp = this.stamp;
    let length = 1;
    this.length = 0;
    this.endCount = 0;
    chain[0] = m;
    target[0] = t;
    this.stamp[m] = epoch;
    this.blockedByTables = false;
    if (!allowed[m * T + t]) return false;
    let balance = 1; // meetings entering t minus meetings leaving it
    for (let side = 0; side < 2; side++) {
      let p = side === 0 ? meetingA[m]! : meetingB[m]!;
      let need = t; // p must give up its meeting in `need`, if any
      for (;;) {
        const next = at[p * T + need]!;
        if (next < 0) {
          const end = this.endCount++;
          this.ends[end] = p;
          this.endFrom[end] = need === t ? s : t;
          this.endTo[end] = need;
          break;
        }
        if (stamp[next] === epoch) return false; // closed cycle: nobody's day changes
        const to = need === t ? s : t;
        if (!allowed[next * T + to]) return false;
        stamp[next] = epoch;
        chain[length] = next;
        target[length++] = to;
        balance += to === t ? 1 : -1;
        p = meetingA[next] === p ? meetingB[next]! : meetingA[next]!;
        need = to;
      }
    }
    this.length = length;
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
    for (let i = 0; i < this.length; i++) {
      const x = this.chainBuffer[i]!;
      const slot = this.targetBuffer[i]!;
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
    return this.targetBuffer[this.chain.indexOf(q)]!;
  }

  private measure(state: ScheduleState): void {
    const T = state.T;
    const hist = state.breakHistogram;
    this.deltaBreaks = 0;
    this.deltaIdle = 0;
    let mostBreaks = 0;
    for (let i = 0; i < this.endCount; i++) {
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
      this.newBreaks[2 * i] = before;
      this.newBreaks[2 * i + 1] = after;
      mostBreaks = Math.max(mostBreaks, before, after);
    }
    const changes = 2 * this.endCount;
    this.deltaUnfairness = 0;
    // Unfairness counts breaks above (fewest anyone has) + d. While someone who is not an end
    // of this move keeps no break and no end goes above d, it stays 0: skip the recount.
    const unchanged = hist[0]! > this.endCount && mostBreaks <= state.problem.fairness;
    if (!unchanged && (this.deltaBreaks !== 0 || this.newBreaks[0] !== this.newBreaks[1])) {
      const unfairBefore = state.unfairness();
      for (let i = 0; i < changes; i += 2) {
        hist[this.newBreaks[i]!]!--;
        hist[this.newBreaks[i + 1]!]!++;
      }
      this.deltaUnfairness = state.unfairness() - unfairBefore;
      for (let i = 0; i < changes; i += 2) {
        hist[this.newBreaks[i]!]!++;
        hist[this.newBreaks[i + 1]!]!--;
      }
    }
    this.deltaMoved = 0;
    const previous = state.previous;
    if (previous) {
      for (let i = 0; i < this.length; i++) {
        const x = this.chainBuffer[i]!;
        const before = previous[x]!;
        if (before < 0) continue;
        const wasHome = state.slotOf[x] === before ? 1 : 0;
        const isHome = this.targetBuffer[i] === before ? 1 : 0;
        this.deltaMoved += wasHome - isHome;
      }
    }
  }

  apply(state: ScheduleState): void {
    for (let i = 0; i < this.length; i++) state.remove(this.chainBuffer[i]!);
    for (let i = 0; i < this.length; i++) state.place(this.chainBuffer[i]!, this.targetBuffer[i]!);
  }
}
