/**
 * Checks a schedule against the instance from first principles and recomputes its objective
 * values. Deliberately shares no code with the solver, so a solver bug cannot hide itself here.
 */
import { DEFAULT_FAIRNESS, type Assignment, type Instance } from './instance';

export interface ScheduleReport {
  /** True when every hard constraint holds (fairness included). */
  valid: boolean;
  violations: string[];
  scheduled: number;
  total: number;
  weightScheduled: number;
  breaks: number;
  breaksSpread: number;
  breaksByParticipant: Map<string, number>;
  /** breaksSpread ≤ fairness. */
  fair: boolean;
}

export interface ValidateOptions {
  fairness?: number;
  /** Check that hosts keep one table (default true). */
  checkHostTables?: boolean;
}

/** Breaks of one participant: gaps between consecutive meeting slots. */
export function countBreaks(slots: readonly number[]): number {
  const sorted = [...slots].sort((x, y) => x - y);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > 1) breaks++;
  return breaks;
}

export function validateSchedule(
  instance: Instance,
  assignments: readonly Assignment[],
  options: ValidateOptions = {},
): ScheduleReport {
  const violations: string[] = [];
  const fairness = options.fairness ?? instance.fairness ?? DEFAULT_FAIRNESS;
  const meetings = new Map(instance.meetings.map((m) => [m.id, m]));
  const participants = new Map(instance.participants.map((p) => [p.id, p]));
  const slotOf = new Map<string, number>();
  const tableOf = new Map<string, number>();
  const byTable = new Map<string, string>();
  const byParticipant = new Map<string, string>();
  const slotsOf = new Map<string, number[]>(instance.participants.map((p) => [p.id, []]));
  const perSlot = new Map<number, number>();
  let weightScheduled = 0;

  for (const entry of assignments) {
    const meeting = meetings.get(entry.meeting);
    if (!meeting) {
      violations.push(`unknown meeting "${entry.meeting}"`);
      continue;
    }
    if (slotOf.has(entry.meeting)) {
      violations.push(`meeting "${entry.meeting}" is scheduled twice`);
      continue;
    }
    const { slot, table } = entry;
    if (!Number.isInteger(slot) || slot < 1 || slot > instance.slots) {
      violations.push(`meeting "${entry.meeting}" has slot ${slot} outside 1..${instance.slots}`);
      continue;
    }
    if (!Number.isInteger(table) || table < 1 || table > instance.tables) {
      violations.push(`meeting "${entry.meeting}" has table ${table} outside 1..${instance.tables}`);
    }
    slotOf.set(entry.meeting, slot);
    tableOf.set(entry.meeting, table);
    weightScheduled += meeting.weight ?? 1;
    perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    const tableKey = `${slot}/${table}`;
    const atTable = byTable.get(tableKey);
    if (atTable !== undefined) {
      violations.push(`table ${table} in slot ${slot} holds both "${atTable}" and "${entry.meeting}"`);
    } else byTable.set(tableKey, entry.meeting);
    for (const person of [meeting.a, meeting.b]) {
      const key = `${person}/${slot}`;
      const other = byParticipant.get(key);
      if (other !== undefined) {
        violations.push(`participant "${person}" has "${other}" and "${entry.meeting}" in slot ${slot}`);
      } else byParticipant.set(key, entry.meeting);
      if (participants.get(person)?.unavailable?.includes(slot)) {
        violations.push(`participant "${person}" is unavailable in slot ${slot} ("${entry.meeting}")`);
      }
      slotsOf.get(person)?.push(slot);
    }
    const morning = instance.morningSlots ?? instance.slots;
    if (meeting.session === 'morning' && slot > morning) {
      violations.push(`morning meeting "${entry.meeting}" is in afternoon slot ${slot}`);
    }
    if (meeting.session === 'afternoon' && slot <= morning) {
      violations.push(`afternoon meeting "${entry.meeting}" is in morning slot ${slot}`);
    }
    if (meeting.fixedSlot !== undefined && meeting.fixedSlot !== slot) {
      violations.push(`meeting "${entry.meeting}" is fixed in slot ${meeting.fixedSlot} but held in slot ${slot}`);
    }
  }
  for (const [slot, count] of perSlot) {
    if (count > instance.tables) violations.push(`slot ${slot} has ${count} meetings for ${instance.tables} tables`);
  }
  for (const meeting of instance.meetings) {
    const slot = slotOf.get(meeting.id);
    if (meeting.fixedSlot !== undefined && slot === undefined) {
      violations.push(`fixed meeting "${meeting.id}" is not scheduled`);
    }
    if (slot === undefined) continue;
    for (const before of meeting.after ?? []) {
      const earlier = slotOf.get(before);
      if (earlier !== undefined && earlier >= slot) {
        violations.push(`meeting "${meeting.id}" (slot ${slot}) must come after "${before}" (slot ${earlier})`);
      }
    }
  }
  for (const participant of instance.participants) {
    const count = slotsOf.get(participant.id)!.length;
    if (participant.maxMeetings !== undefined && count > participant.maxMeetings) {
      violations.push(`participant "${participant.id}" has ${count} meetings, more than maxMeetings ${participant.maxMeetings}`);
    }
  }
  if (options.checkHostTables ?? true) checkHostTables(instance, assignments, tableOf, violations);

  const breaksByParticipant = new Map<string, number>();
  let breaks = 0;
  let most = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (const participant of instance.participants) {
    const own = countBreaks(slotsOf.get(participant.id)!);
    breaksByParticipant.set(participant.id, own);
    breaks += own;
    most = Math.max(most, own);
    fewest = Math.min(fewest, own);
  }
  const breaksSpread = instance.participants.length === 0 ? 0 : most - fewest;
  const fair = breaksSpread <= fairness;
  if (!fair) violations.push(`breaks spread ${breaksSpread} exceeds fairness ${fairness}`);
  return {
    valid: violations.length === 0,
    violations,
    scheduled: slotOf.size,
    total: instance.meetings.length,
    weightScheduled,
    breaks,
    breaksSpread,
    breaksByParticipant,
    fair,
  };
}

/** A host meets everyone at one table; a meeting of two hosts is at one of their two tables. */
function checkHostTables(
  instance: Instance,
  assignments: readonly Assignment[],
  tableOf: Map<string, number>,
  violations: string[],
): void {
  const hosts = new Set(instance.participants.filter((p) => p.host).map((p) => p.id));
  if (hosts.size === 0) return;
  const meetings = new Map(instance.meetings.map((m) => [m.id, m]));
  const hostTable = new Map<string, number>();
  const hostHost: Array<[string, string, string]> = [];
  for (const entry of assignments) {
    const meeting = meetings.get(entry.meeting);
    const table = tableOf.get(entry.meeting);
    if (!meeting || table === undefined) continue;
    const aHost = hosts.has(meeting.a);
    const bHost = hosts.has(meeting.b);
    if (aHost && bHost) {
      hostHost.push([entry.meeting, meeting.a, meeting.b]);
      continue;
    }
    const host = aHost ? meeting.a : bHost ? meeting.b : undefined;
    if (host === undefined) continue;
    const own = hostTable.get(host);
    if (own === undefined) hostTable.set(host, table);
    else if (own !== table) violations.push(`host "${host}" meets at tables ${own} and ${table}`);
  }
  for (const [id, a, b] of hostHost) {
    const table = tableOf.get(id)!;
    const ta = hostTable.get(a);
    const tb = hostTable.get(b);
    if ((ta !== undefined || tb !== undefined) && table !== ta && table !== tb) {
      violations.push(`meeting "${id}" of hosts "${a}" and "${b}" is at table ${table}, neither host's table`);
    }
  }
}
