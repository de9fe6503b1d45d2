/**
 * First schedule built slot by slot, the way a day unfolds: in each slot, hold the meetings
 * that keep started participants busy (no break), those that cannot wait (a participant's
 * remaining meetings need every remaining slot, or the meeting's last possible slot has come),
 * and start new participants only when their day would otherwise get too short. Gives nearly
 * compact days at any scale in O(meetings × slots), which the annealing then polishes.
 */
import type { Random } from './random';
import type { ScheduleState } from './schedule-state';

/** Edges looked at per augmenting-path search: enough for local re-routing, bounded at any scale. */
const PATH_WORK = 400;
/**
 * Below this size the annealing repairs any first schedule within the time, and a greedier,
 * more varied start serves it better (measured on 300-meeting events); above it, the start is
 * most of what the annealing can deliver in time.
 */
const REPAIR_FROM_MEETINGS = 10_000;

export function constructBySweep(state: ScheduleState, random: Random): void {
  const pr = state.problem;
  const T = state.T;
  const { participantCount: P, meetingCount: M } = pr;
  // Slots still open to each participant from slot s on (available and not taken by fixed meetings).
  const openFrom = new Int32Array(P * (T + 1));
  const remaining = new Int32Array(P);
  for (let m = 0; m < M; m++) {
    if (state.slotOf[m]! >= 0) continue;
    remaining[pr.meetingA[m]!]!++;
    remaining[pr.meetingB[m]!]!++;
  }
  const canMeet = new Uint8Array(P * T);
  for (let m = 0; m < M; m++) {
    for (const p of [pr.meetingA[m]!, pr.meetingB[m]!]) {
      for (let s = 0; s < T; s++) if (pr.allowed[m * T + s]) canMeet[p * T + s] = 1;
    }
  }
  for (let p = 0; p < P; p++) {
    for (let s = T - 1; s >= 0; s--) {
      const open = canMeet[p * T + s] && state.isFree(p, s) ? 1 : 0;
      openFrom[p * (T + 1) + s] = openFrom[p * (T + 1) + s + 1]! + open;
    }
  }
  const lastAllowed = new Int32Array(M).fill(-1);
  for (let m = 0; m < M; m++) for (let s = 0; s < T; s++) if (pr.allowed[m * T + s]) lastAllowed[m] = s;
  const pending: number[] = [];
  for (let m = 0; m < M; m++) if (state.slotOf[m]! < 0 && lastAllowed[m]! >= 0) pending.push(m);
  const score = new Float64Array(M);
  const candidates: number[] = [];

  const urgency = (p: number, s: number): number => {
    const left = remaining[p]!;
    if (left === 0) return 0;
    const slack = openFrom[p * (T + 1) + s]! - left;
    if (slack <= 0) return 1000;
    const busyBefore = s > 0 && !state.isFree(p, s - 1);
    if (busyBefore) return 100;
    if (state.count[p]! > 0 && state.first[p]! < s) return 40;
    // Not started yet: the less room left, the sooner to start.
    return 12 - 3 * slack;
  };

  const hold = (m: number, s: number): void => {
    state.place(m, s);
    remaining[pr.meetingA[m]!]!--;
    remaining[pr.meetingB[m]!]!--;
  };
  // Augmenting paths within a slot: the greedy choice can leave a participant who was busy in
  // the previous slot (or must meet now) idle although swapping partners would keep everyone
  // busy. Each participant in the slot carries a priority; a path ends at a participant who is
  // willing to start, or drops one whose idleness costs nothing.
  const repairing = M >= REPAIR_FROM_MEETINGS;
  const priority = new Float64Array(P);
  const edgesOf: number[][] = Array.from({ length: P }, () => []);
  const touched: number[] = [];
  const visited = new Int32Array(P);
  const placedIn = new Int32Array(M).fill(-1);
  let epoch = 0;
  let work = 0;
  const other = (m: number, p: number): number => (pr.meetingA[m] === p ? pr.meetingB[m]! : pr.meetingA[m]!);
  const flippable = (f: number, s: number): boolean => placedIn[f] === s && lastAllowed[f] !== s;
  /** Gives v a meeting in slot s, re-routing partners along an alternating path. */
  const cover = (v: number, s: number, depth: number, canGrow: boolean, floor: number): boolean => {
    visited[v] = epoch;
    for (const e of edgesOf[v]!) {
      if (++work > PATH_WORK) return false;
      if (state.slotOf[e]! >= 0) continue;
      const u = other(e, v);
      if (visited[u] === epoch) continue;
      const f = state.at[u * T + s]!;
      if (f < 0) {
        if (canGrow && priority[u]! > 0 && state.canPlace(e, s)) {
          hold(e, s);
          placedIn[e] = s;
          return true;
        }
        continue;
      }
      if (!flippable(f, s)) continue;
      const w = other(f, u);
      if (visited[w] === epoch) continue;
      visited[u] = epoch;
      unhold(f);
      const dropW = priority[w]! < floor && priority[w]! < 100;
      if ((dropW || (depth > 0 && cover(w, s, depth - 1, canGrow, floor))) && state.canPlace(e, s)) {
        hold(e, s);
        placedIn[e] = s;
        return true;
      }
      // Undo: w may have been given a new meeting only when the path succeeded, so f fits back.
      if (state.canPlace(f, s)) {
        hold(f, s);
        placedIn[f] = s;
      }
    }
    return false;
  };
  const repairSlot = (s: number): void => {
    const needy: number[] = [];
    for (const p of touched) {
      if (state.isFree(p, s) && priority[p]! >= 100) needy.push(p);
    }
    needy.sort((x, y) => priority[y]! - priority[x]!);
    for (const v of needy) {
      if (!state.isFree(v, s)) continue;
      epoch++;
      work = 0;
      cover(v, s, 4, state.load[s]! < pr.tables, priority[v]!);
    }
  };
  const forgetSlot = (): void => {
    for (const p of touched) edgesOf[p]!.length = 0;
    touched.length = 0;
  };
  const unhold = (m: number): void => {
    state.remove(m);
    placedIn[m] = -1;
    remaining[pr.meetingA[m]!]!++;
    remaining[pr.meetingB[m]!]!++;
  };

  for (let s = 0; s < T; s++) {
    candidates.length = 0;
    for (const m of pending) {
      if (state.slotOf[m]! >= 0 || !pr.allowed[m * T + s]) continue;
      const a = pr.meetingA[m]!;
      const b = pr.meetingB[m]!;
      if (!state.isFree(a, s) || !state.isFree(b, s)) continue;
      if (state.count[a]! >= pr.maxMeetings[a]! || state.count[b]! >= pr.maxMeetings[b]!) continue;
      if (!predecessorsHeldBefore(state, m, s)) continue;
      for (const p of [a, b]) {
        if (edgesOf[p]!.length === 0) {
          touched.push(p);
          priority[p] = urgency(p, s);
        }
        edgesOf[p]!.push(m);
      }
      let value = priority[a]! + priority[b]! + pr.weight[m]! + random.next();
      if (lastAllowed[m] === s) value += 500;
      score[m] = value;
      if (value > 0) candidates.push(m);
    }
    candidates.sort((x, y) => score[y]! - score[x]!);
    for (const m of candidates) {
      if (state.load[s]! >= pr.tables) break;
      if (state.canPlace(m, s)) {
        hold(m, s);
        placedIn[m] = s;
      }
    }
    if (repairing) repairSlot(s);
    forgetSlot();
    if (s % 4 === 3) compact(pending, state);
  }
}

function predecessorsHeldBefore(state: ScheduleState, m: number, s: number): boolean {
  for (const q of state.problem.predecessors[m]!) {
    const t = state.slotOf[q]!;
    if (t < 0 || t >= s) return false;
  }
  return true;
}

/** Drops held meetings from the pending list so later slots scan less. */
function compact(pending: number[], state: ScheduleState): void {
  let j = 0;
  for (const m of pending) if (state.slotOf[m]! < 0) pending[j++] = m;
  pending.length = j;
}
