/**
 * Greedy first schedule: fixed meetings first, then the hardest-to-place meetings, each into the
 * slot that adds the fewest breaks for its two participants. The local search improves on it.
 */
import type { Random } from './random';
import type { ScheduleState } from './schedule-state';

/** Change in a participant's breaks if slot s became busy. */
function breaksIfBusy(state: ScheduleState, p: number, s: number): number {
  const T = state.T;
  const base = p * T;
  if (state.count[p] === 0) return 0;
  const left = s > 0 && state.at[base + s - 1]! >= 0 ? 1 : 0;
  const right = s + 1 < T && state.at[base + s + 1]! >= 0 ? 1 : 0;
  return 1 - left - right;
}

export function placeFixed(state: ScheduleState): void {
  const pr = state.problem;
  for (let m = 0; m < pr.meetingCount; m++) {
    const s = pr.fixedSlot[m]!;
    if (s >= 0 && state.slotOf[m]! < 0 && state.canPlace(m, s)) state.place(m, s);
  }
}

/** Keeps meetings of a previous schedule where they still fit, so a re-plan starts from it. */
export function placePrevious(state: ScheduleState, previous: Int32Array): void {
  for (let m = 0; m < previous.length; m++) {
    const s = previous[m]!;
    if (s >= 0 && state.slotOf[m]! < 0 && state.canPlace(m, s)) state.place(m, s);
  }
}

export function constructGreedy(state: ScheduleState, random: Random): void {
  const pr = state.problem;
  const T = state.T;
  const M = pr.meetingCount;
  const domainSize = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    let n = 0;
    for (let s = 0; s < T; s++) n += pr.allowed[m * T + s]!;
    domainSize[m] = n;
  }
  const degree = (p: number): number => pr.meetingsOf[p]!.length;
  const order: number[] = [];
  const key = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    if (state.slotOf[m]! >= 0) continue;
    order.push(m);
    // Heavy meetings first; then those with few possible slots and busy participants.
    key[m] =
      -pr.weight[m]! * 1e6 +
      domainSize[m]! * 1e3 -
      (degree(pr.meetingA[m]!) + degree(pr.meetingB[m]!)) * 10 +
      random.next();
  }
  order.sort((x, y) => key[x]! - key[y]!);
  for (const m of order) {
    const a = pr.meetingA[m]!;
    const b = pr.meetingB[m]!;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let s = 0; s < T; s++) {
      if (!state.canPlace(m, s)) continue;
      const added = breaksIfBusy(state, a, s) + breaksIfBusy(state, b, s);
      // Prefer slots next to the participants' other meetings, then emptier slots.
      const touching =
        (s > 0 && !state.isFree(a, s - 1) ? 1 : 0) +
        (s + 1 < T && !state.isFree(a, s + 1) ? 1 : 0) +
        (s > 0 && !state.isFree(b, s - 1) ? 1 : 0) +
        (s + 1 < T && !state.isFree(b, s + 1) ? 1 : 0);
      const score = added * 100 - touching * 10 + (state.load[s]! / pr.tables) * 5 + random.next();
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best >= 0) state.place(m, best);
  }
}
