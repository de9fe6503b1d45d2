/**
 * Wall-clock time in an IANA zone and back, from the runtime's time-zone database (Intl), so no
 * offsets are hard-coded: Asia/Karachi is UTC+5 and Asia/Shanghai UTC+8 today, but zones that
 * keep daylight saving time move twice a year. Instants are UTC inside; zones only at the edges.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 60) return false;
  try {
    partsFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `zone` at `instant`. */
export function wallTimeAt(instant: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const wallAsUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Minutes to add to UTC to read the wall clock in `zone` at `instant` (Karachi: +300). */
export function offsetMinutesAt(instant: Date, zone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return Math.round((wallAsUtc(wallTimeAt(whole, zone)) - whole.getTime()) / 60_000);
}

/**
 * The instant a wall-clock reading in `zone` names. A reading repeated when clocks go back means
 * its first occurrence; a reading skipped when clocks go forward moves on by the length of the gap
 * (02:30 becomes 03:30), as calendar programs and Temporal's "compatible" rule do.
 */
export function instantOf(wall: WallTime, zone: string): Date {
  const asUtc = wallAsUtc(wall);
  // Offsets a day either side are on both sides of any transition near this reading.
  const before = asUtc - offsetMinutesAt(new Date(asUtc - 86_400_000), zone) * 60_000;
  const after = asUtc - offsetMinutesAt(new Date(asUtc + 86_400_000), zone) * 60_000;
  const valid = [before, after].filter((t) => wallAsUtc(wallTimeAt(new Date(t), zone)) === asUtc);
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(before, after));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function validWall(w: WallTime): boolean {
  const check = new Date(wallAsUtc(w));
  return (
    check.getUTCFullYear() === w.year &&
    check.getUTCMonth() === w.month - 1 &&
    check.getUTCDate() === w.day &&
    w.hour < 24 &&
    w.minute < 60 &&
    w.second < 60
  );
}

/**
 * Reads a moment written the way organisers write it: "2026-09-26T17:00" (wall time in `zone`),
 * "2026-09-26T12:00:00Z" or "+05:00" (an exact instant), or a bare date "2026-09-26", which means
 * the start of that day, or with `dateMeans: 'end'` the end of it (the first instant of the next
 * day, so "open until 26 September" still accepts 23:59:59). Null when the text is none of these.
 */
export function parseMoment(text: string, zone: string, dateMeans: 'start' | 'end' = 'start'): Date | null {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const local = LOCAL.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const wall = { year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: s ? +s : 0 };
    return validWall(wall) ? instantOf(wall, zone) : null;
  }
  const date = DATE.exec(value);
  if (date) {
    const wall = { year: +date[1]!, month: +date[2]!, day: +date[3]!, hour: 0, minute: 0, second: 0 };
    if (!validWall(wall)) return null;
    if (dateMeans === 'start') return instantOf(wall, zone);
    const next = new Date(wallAsUtc(wall) + 86_400_000);
    return instantOf({ ...wall, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, zone);
  }
  return null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-09-28T14:00:00": the wall time in `zone`, without an offset (for API answers next to the zone). */
export function localIso(instant: Date, zone: string): string {
  const w = wallTimeAt(instant, zone);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/** "UTC+05:00", the way people in the corridor read offsets. */
export function offsetLabel(instant: Date, zone: string): string {
  const minutes = offsetMinutesAt(instant, zone);
  const sign = minutes < 0 ? '-' : '+';
  return `UTC${sign}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;
}
