import { dayName, deviceTimeZone, sameClock, timeRange, wallClock } from '../time';

/**
 * Training times as people read them: in the programme's zone (the organisers' announcements use
 * it) and, when the clock differs, in the reader's own zone.
 */
export interface Zones {
  programme: string;
  mine: string;
}

export const zonesFor = (programmeZone: string): Zones => ({ programme: programmeZone, mine: deviceTimeZone() });

export function sessionTimes(session: { startsAt: string; endsAt: string }, zones: Zones) {
  return {
    day: dayName(session.startsAt, zones.programme),
    time: timeRange(session.startsAt, session.endsAt, zones.programme),
    mine: sameClock(session.startsAt, zones.programme, zones.mine)
      ? null
      : { day: dayName(session.startsAt, zones.mine), time: timeRange(session.startsAt, session.endsAt, zones.mine) },
  };
}

/**
 * A deadline as its programme set it: a bare date closes at the next midnight, which reads as
 * "the end of" that day rather than as 00:00 of the day after.
 */
export function deadlineParts(closesAt: string, zone: string): { endOfDay: boolean; day: string; time: string } {
  const wall = wallClock(closesAt, zone);
  if (wall.endsWith('T00:00')) return { endOfDay: true, day: dayName(new Date(Date.parse(closesAt) - 1).toISOString(), zone), time: '' };
  return { endOfDay: false, ...momentParts(closesAt, zone) };
}

/** The day (in words) and the 24-hour time of an instant in a zone. */
export function momentParts(instant: string, zone: string): { day: string; time: string } {
  return { day: dayName(instant, zone), time: wallClock(instant, zone).slice(11) };
}
