/**
 * The instance compiled to dense, 0-based arrays: what every algorithm in this module works on.
 */
import { DEFAULT_FAIRNESS, type Instance } from './instance';

export interface Problem {
  readonly instance: Instance;
  readonly slots: number;
  readonly tables: number;
  readonly fairness: number;
  readonly participantCount: number;
  readonly meetingCount: number;
  readonly participantIds: readonly string[];
  readonly meetingIds: readonly string[];
  readonly meetingA: Int32Array;
  readonly meetingB: Int32Array;
  readonly weight: Float64Array;
  readonly totalWeight: number;
  /** allowed[m * slots + s] = 1 when meeting m may be held in slot s (session, availability, fixed slot). */
  readonly allowed: Uint8Array;
  /** 0-based fixed slot, or -1. Fixed meetings must be held. */
  readonly fixedSlot: Int32Array;
  /** Per participant, never more than the participant's number of meetings. */
  readonly maxMeetings: Int32Array;
  readonly host: Uint8Array;
  readonly meetingsOf: readonly Int32Array[];
  /** Meetings that must come before / after each meeting when both are held. */
  readonly predecessors: readonly Int32Array[];
  readonly successors: readonly Int32Array[];
  readonly hasPrecedences: boolean;
}

export interface CompileOptions {
  fairness?: number;
}

export function compileProblem(instance: Instance, options: CompileOptions = {}): Problem {
  const T = instance.slots;
  const P = instance.participants.length;
  const M = instance.meetings.length;
  const participantIndex = new Map(instance.participants.map((p, i) => [p.id, i]));
  const meetingIndex = new Map(instance.meetings.map((m, i) => [m.id, i]));
  const unavailable = new Uint8Array(P * T);
  const maxMeetings = new Int32Array(P);
  const host = new Uint8Array(P);
  instance.participants.forEach((p, i) => {
    for (const slot of p.unavailable ?? []) unavailable[i * T + slot - 1] = 1;
    maxMeetings[i] = p.maxMeetings ?? 2 ** 30;
    host[i] = p.host ? 1 : 0;
  });
  const meetingA = new Int32Array(M);
  const meetingB = new Int32Array(M);
  const weight = new Float64Array(M);
  const fixedSlot = new Int32Array(M).fill(-1);
  const allowed = new Uint8Array(M * T);
  const degree = new Int32Array(P);
  const morning = instance.morningSlots ?? T;
  let totalWeight = 0;
  instance.meetings.forEach((meeting, m) => {
    const a = participantIndex.get(meeting.a)!;
    const b = participantIndex.get(meeting.b)!;
    meetingA[m] = a;
    meetingB[m] = b;
    degree[a]!++;
    degree[b]!++;
    weight[m] = meeting.weight ?? 1;
    totalWeight += weight[m]!;
    const session = meeting.session ?? 'any';
    const from = session === 'afternoon' ? morning : 0;
    const to = session === 'morning' ? morning : T;
    if (meeting.fixedSlot !== undefined) fixedSlot[m] = meeting.fixedSlot - 1;
    for (let s = from; s < to; s++) {
      if (unavailable[a * T + s] || unavailable[b * T + s]) continue;
      if (fixedSlot[m]! >= 0 && fixedSlot[m] !== s) continue;
      allowed[m * T + s] = 1;
    }
  });
  const meetingsOf = groupByParticipant(P, M, meetingA, meetingB, degree);
  for (let p = 0; p < P; p++) maxMeetings[p] = Math.min(maxMeetings[p]!, degree[p]!);
  const predecessors: Int32Array[] = [];
  const successorLists: number[][] = Array.from({ length: M }, () => []);
  let hasPrecedences = false;
  instance.meetings.forEach((meeting, m) => {
    const preds = (meeting.after ?? []).map((id) => meetingIndex.get(id)!);
    const unique = [...new Set(preds)];
    predecessors.push(Int32Array.from(unique));
    for (const q of unique) successorLists[q]!.push(m);
    if (unique.length > 0) hasPrecedences = true;
  });
  return {
    instance,
    slots: T,
    tables: instance.tables,
    fairness: options.fairness ?? instance.fairness ?? DEFAULT_FAIRNESS,
    participantCount: P,
    meetingCount: M,
    participantIds: instance.participants.map((p) => p.id),
    meetingIds: instance.meetings.map((m) => m.id),
    meetingA,
    meetingB,
    weight,
    totalWeight,
    allowed,
    fixedSlot,
    maxMeetings,
    host,
    meetingsOf,
    predecessors,
    successors: successorLists.map((list) => Int32Array.from(list)),
    hasPrecedences,
  };
}

function groupByParticipant(
  P: number,
  M: number,
  meetingA: Int32Array,
  meetingB: Int32Array,
  degree: Int32Array,
): Int32Array[] {
  const lists = Array.from({ length: P }, (_, p) => new Int32Array(degree[p]!));
  const fill = new Int32Array(P);
  for (let m = 0; m < M; m++) {
    const a = meetingA[m]!;
    const b = meetingB[m]!;
    lists[a]![fill[a]!++] = m;
    lists[b]![fill[b]!++] = m;
  }
  return lists;
}

/**
 * Contradictions among the meetings that must be held (the fixed ones). Anything else can be
 * resolved by leaving optional meetings out, so these are the only reasons an instance has no
 * schedule at all.
 */
export function findFixedConflicts(problem: Problem): string[] {
  const { slots: T, meetingIds, participantIds } = problem;
  const reasons: string[] = [];
  const holder = new Map<number, number>();
  const load = new Int32Array(T);
  const fixedCount = new Int32Array(problem.participantCount);
  for (let m = 0; m < problem.meetingCount; m++) {
    const s = problem.fixedSlot[m]!;
    if (s < 0) continue;
    if (!problem.allowed[m * T + s]) {
      reasons.push(
        `meeting "${meetingIds[m]}" is fixed in slot ${s + 1}, outside its session or when a participant is unavailable`,
      );
      continue;
    }
    load[s]!++;
    for (const p of [problem.meetingA[m]!, problem.meetingB[m]!]) {
      fixedCount[p]!++;
      const key = p * T + s;
      const other = holder.get(key);
      if (other !== undefined) {
        reasons.push(
          `participant "${participantIds[p]}" has two fixed meetings in slot ${s + 1}: "${meetingIds[other]}" and "${meetingIds[m]}"`,
        );
      } else holder.set(key, m);
    }
    for (const q of problem.predecessors[m]!) {
      const t = problem.fixedSlot[q]!;
      if (t >= 0 && t >= s) {
        reasons.push(`meeting "${meetingIds[m]}" is fixed in slot ${s + 1} but must come after "${meetingIds[q]}" (slot ${t + 1})`);
      }
    }
  }
  for (let s = 0; s < T; s++) {
    if (load[s]! > problem.tables) reasons.push(`slot ${s + 1} has ${load[s]} fixed meetings for ${problem.tables} tables`);
  }
  for (let p = 0; p < problem.participantCount; p++) {
    const limit = problem.instance.participants[p]!.maxMeetings;
    if (limit !== undefined && fixedCount[p]! > limit) {
      reasons.push(`participant "${participantIds[p]}" has ${fixedCount[p]} fixed meetings but maxMeetings ${limit}`);
    }
  }
  return reasons;
}
