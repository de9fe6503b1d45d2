/**
 * The way commercial B2B platforms book meetings: each accepted request, in the order it was
 * accepted (the order of `meetings`), goes into the earliest slot both participants still have
 * free. Fixed meetings are booked first. Kept as the baseline the optimiser is measured against.
 */
import type { Assignment, Instance } from './instance';
import { compileProblem } from './problem';
import { assignTables } from './tables';

export function scheduleFirstComeFirstServed(instance: Instance): Assignment[] {
  const problem = compileProblem(instance);
  const { meetingCount: M, slots: T } = problem;
  const slotOf = new Int32Array(M).fill(-1);
  const busy = new Uint8Array(problem.participantCount * T);
  const load = new Int32Array(T);
  const count = new Int32Array(problem.participantCount);
  const fits = (m: number, s: number): boolean => {
    const a = problem.meetingA[m]!;
    const b = problem.meetingB[m]!;
    if (!problem.allowed[m * T + s] || load[s]! >= problem.tables) return false;
    if (busy[a * T + s] || busy[b * T + s]) return false;
    if (count[a]! >= problem.maxMeetings[a]! || count[b]! >= problem.maxMeetings[b]!) return false;
    for (const q of problem.predecessors[m]!) if (slotOf[q]! >= 0 && slotOf[q]! >= s) return false;
    for (const q of problem.successors[m]!) if (slotOf[q]! >= 0 && slotOf[q]! <= s) return false;
    return true;
  };
  const book = (m: number, s: number): void => {
    slotOf[m] = s;
    load[s]!++;
    for (const p of [problem.meetingA[m]!, problem.meetingB[m]!]) {
      busy[p * T + s] = 1;
      count[p]!++;
    }
  };
  for (let m = 0; m < M; m++) {
    const s = problem.fixedSlot[m]!;
    if (s >= 0 && fits(m, s)) book(m, s);
  }
  for (let m = 0; m < M; m++) {
    if (slotOf[m]! >= 0 || problem.fixedSlot[m]! >= 0) continue;
    for (let s = 0; s < T; s++) {
      if (fits(m, s)) {
        book(m, s);
        break;
      }
    }
  }
  const tables = assignTables(problem, slotOf);
  const assignments: Assignment[] = [];
  for (let m = 0; m < M; m++) {
    if (slotOf[m]! >= 0) assignments.push({ meeting: problem.meetingIds[m]!, slot: slotOf[m]! + 1, table: tables[m]! + 1 });
  }
  return assignments;
}
