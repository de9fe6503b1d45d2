/**
 * First schedule built slot by slot, the way a day unfolds: in each slot, hold the meetings
 * that keep started participants busy (no break), those that cannot wait (a participant's
 * remaining meetings need every remaining slot, or the meeting's last possible slot has come),
 * and start new participants only when their day would otherwise get too short. Gives nearly
 * compact days at any scale in O(meetings × slots), which the annealing then polishes.
 */
import type { Random } from './random';
import type { ScheduleState } from './schedule-state';

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
  for (let s = 0; s < T; s++) {
    candidates.length = 0;
    for (const m of pending) {
      if (state.slotOf[m]! >= 0 || !pr.allowed[m * T + s]) continue;
      const a = pr.meetingA[m]!;
      const b = pr.meetingB[m]!;
      if (!state.isFree(a, s) || !state.isFree(b, s)) continue;
      if (state.count[a]! >= pr.maxMeetings[a]! || state.count[b]! >= pr.maxMeetings[b]!) continue;
      if (!predecessorsHeldBefore(state, m, s)) continue;
      let value = urgency(a, s) + urgency(b, s) + pr.weight[m]! + random.next();
      if (lastAllowed[m] === s) value += 500;
      score[m] = value;
      if (value > 0) candidates.push(m);
    }
    candidates.sort((x, y) => score[y]! - score[x]!);
    for (const m of candidates) {
      if (state.load[s]! >= pr.tables) break;
      if (state.canPlace(m, s)) hold(m, s);
    }
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
