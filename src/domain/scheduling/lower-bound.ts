/**
 * Bounds that need no search: the most weight any schedule can hold, and the fewest breaks any
 * schedule holding every meeting must have. The break bound treats each participant alone —
 * their meetings must fit into slots their partners can also make — and adds what fairness
 * forces on everyone once someone is forced to many breaks.
 */
import type { Problem } from './problem';

/** Meetings → slots matching (Kuhn's augmenting paths); sizes here are tiny (≤ slots). */
class SlotMatcher {
  private readonly slotOwner: Int32Array;
  private readonly visited: Int32Array;
  private epoch = 0;
  constructor(
    private readonly problem: Problem,
    private readonly inSet: Uint8Array,
  ) {
    this.slotOwner = new Int32Array(problem.slots);
    this.visited = new Int32Array(problem.slots);
  }

  /** Size of a maximum matching of `meetings` into the slots marked in `inSet`. */
  size(meetings: ArrayLike<number>): number {
    this.slotOwner.fill(-1);
    let matched = 0;
    for (let i = 0; i < meetings.length; i++) {
      this.epoch++;
      if (this.augment(meetings[i]!)) matched++;
    }
    return matched;
  }

  private augment(m: number): boolean {
    const T = this.problem.slots;
    const allowed = this.problem.allowed;
    for (let s = 0; s < T; s++) {
      if (!this.inSet[s] || !allowed[m * T + s] || this.visited[s] === this.epoch) continue;
      this.visited[s] = this.epoch;
      const owner = this.slotOwner[s]!;
      if (owner < 0 || this.augment(owner)) {
        this.slotOwner[s] = m;
        return true;
      }
    }
    return false;
  }
}

/** Fewest breaks participant p can have when all their meetings are held (0, 1 or 2 = "at least 2"). */
export function participantBreaksLowerBound(problem: Problem, p: number, workLimit = 20_000): number {
  const own = problem.meetingsOf[p]!;
  const k = own.length;
  const T = problem.slots;
  if (k <= 1) return 0;
  // Each window costs a matching of up to k·T steps; on absurdly long days skip the bound (0 is valid).
  if ((T - k + 1) * k * T > 50_000_000) return 0;
  const inSet = new Uint8Array(T);
  const matcher = new SlotMatcher(problem, inSet);
  const fits = (): boolean => matcher.size(own) === k;
  for (let start = 0; start + k <= T; start++) {
    inSet.fill(0);
    for (let s = start; s < start + k; s++) inSet[s] = 1;
    if (fits()) return 0;
  }
  if (k === 2) return 1;
  let work = 0;
  for (let first = 0; first < T; first++) {
    for (let len = 1; len < k; len++) {
      const rest = k - len;
      for (let second = first + len + 1; second + rest <= T; second++) {
        if (++work > workLimit) return 1;
        inSet.fill(0);
        for (let s = first; s < first + len; s++) inSet[s] = 1;
        for (let s = second; s < second + rest; s++) inSet[s] = 1;
        if (fits()) return 1;
      }
    }
  }
  return 2;
}

export interface BreaksBound {
  total: number;
  byParticipant: Int32Array;
}

/** Valid for schedules that hold every meeting. */
export function breaksLowerBound(problem: Problem): BreaksBound {
  const P = problem.participantCount;
  const byParticipant = new Int32Array(P);
  let most = 0;
  for (let p = 0; p < P; p++) {
    byParticipant[p] = participantBreaksLowerBound(problem, p);
    most = Math.max(most, byParticipant[p]!);
  }
  // Fairness: nobody may have fewer than (most forced) − d breaks.
  const floor = Math.max(0, most - problem.fairness);
  let total = 0;
  for (let p = 0; p < P; p++) {
    byParticipant[p] = Math.max(byParticipant[p]!, floor);
    total += byParticipant[p]!;
  }
  return { total, byParticipant };
}

/** The most weight any schedule can hold. */
export function weightUpperBound(problem: Problem): number {
  const { meetingCount: M, participantCount: P, slots: T } = problem;
  const inSet = new Uint8Array(T).fill(1);
  const matcher = new SlotMatcher(problem, inSet);
  let largestLoss = 0;
  let lossSum = 0;
  for (let p = 0; p < P; p++) {
    const own = problem.meetingsOf[p]!;
    if (own.length === 0) continue;
    const capacity = Math.min(problem.maxMeetings[p]!, matcher.size(own));
    const deficit = own.length - capacity;
    if (deficit <= 0) continue;
    const lightest = Array.from(own, (m) => problem.weight[m]!).sort((x, y) => x - y);
    let loss = 0;
    for (let i = 0; i < deficit; i++) loss += lightest[i]!;
    largestLoss = Math.max(largestLoss, loss);
    lossSum += loss;
  }
  // Every meeting left out relieves at most two participants.
  let unscheduledWeight = Math.max(largestLoss, lossSum / 2);
  let meetingsWithSlot = 0;
  let impossibleWeight = 0;
  for (let m = 0; m < M; m++) {
    let any = false;
    for (let s = 0; s < T && !any; s++) any = problem.allowed[m * T + s] === 1;
    if (any) meetingsWithSlot++;
    else impossibleWeight += problem.weight[m]!;
  }
  unscheduledWeight = Math.max(unscheduledWeight, impossibleWeight);
  let seats = 0;
  for (let s = 0; s < T; s++) {
    let here = 0;
    for (let m = 0; m < M; m++) here += problem.allowed[m * T + s]!;
    seats += Math.min(problem.tables, here);
  }
  const mustDrop = M - Math.min(seats, meetingsWithSlot);
  if (mustDrop > 0) {
    const lightest = Array.from(problem.weight).sort((x, y) => x - y);
    let loss = 0;
    for (let i = 0; i < mustDrop; i++) loss += lightest[i]!;
    unscheduledWeight = Math.max(unscheduledWeight, loss);
  }
  const integral = Array.prototype.every.call(problem.weight, (w: number) => Number.isInteger(w));
  if (integral) unscheduledWeight = Math.ceil(unscheduledWeight - 1e-9);
  return problem.totalWeight - unscheduledWeight;
}
