import { currentLocale } from './i18n/i18n';

/** The reader's own time zone, as their device reports it. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function format(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeZone, ...options }).format(date);
}

/** "09:00–09:20" in the given zone (24-hour: the event's programme is printed that way). */
export function timeRange(startsAt: string, endsAt: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return `${format(new Date(startsAt), timeZone, options)}–${format(new Date(endsAt), timeZone, options)}`;
}

/** "Tuesday 10 March 2026" in the given zone. */
export function dayName(instant: string, timeZone: string): string {
  return format(new Date(instant), timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone: agenda days follow the event's zone. */
export function dayKey(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** A date written as YYYY-MM-DD (the event's days), named in the reader's language. */
export function eventDay(day: string): string {
  return format(new Date(`${day}T12:00:00Z`), 'UTC', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

export function dateTime(instant: string, timeZone = deviceTimeZone()): string {
  return format(new Date(instant), timeZone, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Two zones show the same wall-clock time at this instant (e.g. no second column is needed). */
export function sameClock(instant: string, a: string, b: string): boolean {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', day: '2-digit', hourCycle: 'h23' };
  return format(new Date(instant), a, options) === format(new Date(instant), b, options);
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant) / 60_000;
}

/**
 * The instant of a wall-clock time ("09:00" on "2026-03-10") in a zone. The offset is looked up
 * twice because it can change (daylight saving) between the guess and the answer.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  return new Date(wall - offsetMinutes(first, timeZone) * 60_000);
}

/** An instant as the zone's wall clock, "YYYY-MM-DDTHH:MM" (the value of a datetime-local input). */
export function wallClock(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
