/**
 * Tables for a slot assignment. Any slot with at most `tables` meetings can be seated, so this
 * never fails; it only chooses well: hosts keep one table all day, meetings that did not move in
 * a re-plan keep their table, and guests stay at the table they just used when it is free.
 */
import type { Problem } from './problem';

/** 0-based table of each held meeting, -1 for meetings not held. */
export function assignTables(problem: Problem, slots: Int32Array, previous?: { slots: Int32Array; tables: Int32Array }): Int32Array {
  const { meetingCount: M, slots: T, tables: L } = problem;
  const table = new Int32Array(M).fill(-1);
  const hostTable = chooseHostTables(problem, slots, previous);
  const isHostTable = new Uint8Array(L);
  for (const t of hostTable) if (t >= 0) isHostTable[t] = 1;
  const bySlot: number[][] = Array.from({ length: T }, () => []);
  for (let m = 0; m < M; m++) if (slots[m]! >= 0) bySlot[slots[m]!]!.push(m);
  const taken = new Int32Array(L).fill(-1);
  const lastTable = new Int32Array(problem.participantCount).fill(-1);
  for (let s = 0; s < T; s++) {
    const here = bySlot[s]!;
    const free = (t: number): boolean => t >= 0 && t < L && taken[t] !== s;
    const seat = (m: number, t: number): void => {
      table[m] = t;
      taken[t] = s;
    };
    for (const m of here) {
      const own = hostTable[problem.meetingA[m]!]!;
      const other = hostTable[problem.meetingB[m]!]!;
      if (free(own)) seat(m, own);
      else if (free(other)) seat(m, other);
    }
    if (previous) {
      for (const m of here) {
        if (table[m]! < 0 && previous.slots[m] === s && free(previous.tables[m]!)) seat(m, previous.tables[m]!);
      }
    }
    for (const m of here) {
      if (table[m]! >= 0) continue;
      const a = lastTable[problem.meetingA[m]!]!;
      const b = lastTable[problem.meetingB[m]!]!;
      if (free(a) && !isHostTable[a]) seat(m, a);
      else if (free(b) && !isHostTable[b]) seat(m, b);
    }
    let cursor = 0;
    for (const pass of [0, 1]) {
      cursor = 0;
      for (const m of here) {
        if (table[m]! >= 0) continue;
        while (cursor < L && (!free(cursor) || (pass === 0 && isHostTable[cursor]))) cursor++;
        if (cursor < L) seat(m, cursor);
      }
    }
    for (const m of here) {
      lastTable[problem.meetingA[m]!] = table[m]!;
      lastTable[problem.meetingB[m]!] = table[m]!;
    }
  }
  return table;
}

/**
 * One table per host. With more hosts than tables, hosts never busy at the same time may share
 * a table (greedy colouring); a host left without one meets wherever a table is free.
 */
function chooseHostTables(problem: Problem, slots: Int32Array, previous?: { slots: Int32Array; tables: Int32Array }): Int32Array {
  const { participantCount: P, slots: T, tables: L } = problem;
  const hostTable = new Int32Array(P).fill(-1);
  const hosts: number[] = [];
  for (let p = 0; p < P; p++) if (problem.host[p]) hosts.push(p);
  if (hosts.length === 0) return hostTable;
  const usedAt = new Uint8Array(L * T);
  const busySlots = (p: number): number[] => {
    const out: number[] = [];
    for (const m of problem.meetingsOf[p]!) if (slots[m]! >= 0) out.push(slots[m]!);
    return out;
  };
  const tryTake = (p: number, t: number, busy: number[]): boolean => {
    if (t < 0 || t >= L || busy.some((s) => usedAt[t * T + s])) return false;
    for (const s of busy) usedAt[t * T + s] = 1;
    hostTable[p] = t;
    return true;
  };
  const pending: number[] = [];
  for (const p of hosts) {
    // Keep the table a host had in the published schedule.
    const before = previous ? previousHostTable(problem, p, previous) : -1;
    if (!tryTake(p, before, busySlots(p))) pending.push(p);
  }
  pending.sort((x, y) => problem.meetingsOf[y]!.length - problem.meetingsOf[x]!.length);
  let next = 0;
  for (const p of pending) {
    const busy = busySlots(p);
    for (let k = 0; k < L; k++) {
      if (tryTake(p, (next + k) % L, busy)) {
        next = (next + k + 1) % L;
        break;
      }
    }
  }
  return hostTable;
}

function previousHostTable(problem: Problem, p: number, previous: { slots: Int32Array; tables: Int32Array }): number {
  const counts = new Map<number, number>();
  for (const m of problem.meetingsOf[p]!) {
    const t = previous.tables[m]!;
    if (previous.slots[m]! >= 0 && t >= 0) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  for (const [t, n] of counts) if (n > bestCount) [best, bestCount] = [t, n];
  return best;
}
