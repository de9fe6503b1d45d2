import { isTimeZone, parseMoment } from '../calendar/zoned-time';
import { AppError, validation } from '../errors';
import { formatDate, formatTime } from './session-times';

/** What registration depends on, as the organiser set it. */
export interface RegistrationRules {
  title: string;
  timeZone: string;
  registrationOpensAt: Date | null;
  /** First instant at which registration is closed. */
  registrationClosesAt: Date;
  capacity: number | null;
  waitlist: boolean;
}

export type RegistrationState = 'not-open' | 'open' | 'closed';

export function registrationState(rules: Pick<RegistrationRules, 'registrationOpensAt' | 'registrationClosesAt'>, now: Date): RegistrationState {
  if (rules.registrationOpensAt && now < rules.registrationOpensAt) return 'not-open';
  return now < rules.registrationClosesAt ? 'open' : 'closed';
}

/** "Saturday, 26 September 2026 (end of the day, Asia/Shanghai time)" or "… 2026 at 17:00 (Asia/Shanghai time)". */
export function deadlineText(closesAt: Date, zone: string): string {
  if (formatTime(closesAt, zone, 'en') === '00:00') {
    return `${formatDate(new Date(closesAt.getTime() - 1), zone, 'en')} (end of the day, ${zone} time)`;
  }
  return `${formatDate(closesAt, zone, 'en')} at ${formatTime(closesAt, zone, 'en')} (${zone} time)`;
}

/** Refuses a registration outside the registration window, saying when it opens or closed. */
export function checkRegistrationOpen(rules: RegistrationRules, now: Date): void {
  const state = registrationState(rules, now);
  if (state === 'closed') {
    throw new AppError('DEADLINE_PASSED', `Registration for “${rules.title}” closed on ${deadlineText(rules.registrationClosesAt, rules.timeZone)}.`);
  }
  if (state === 'not-open') {
    throw new AppError('RULE_VIOLATED', `Registration for “${rules.title}” opens on ${formatDate(rules.registrationOpensAt!, rules.timeZone, 'en')} at ${formatTime(rules.registrationOpensAt!, rules.timeZone, 'en')} (${rules.timeZone} time).`);
  }
}

/** Where a new registrant goes, given how many places are taken. */
export function placeFor(rules: Pick<RegistrationRules, 'capacity' | 'waitlist'>, confirmed: number): 'confirmed' | 'waitlisted' {
  if (rules.capacity === null || confirmed < rules.capacity) return 'confirmed';
  if (rules.waitlist) return 'waitlisted';
  throw new AppError('LIMIT_REACHED', `All ${rules.capacity} places are taken and this programme has no waiting list.`);
}

/** How many people to move from the waiting list when places free up. */
export function placesToFill(capacity: number | null, confirmed: number, waiting: number): number {
  const free = capacity === null ? waiting : Math.max(0, capacity - confirmed);
  return Math.min(free, waiting);
}

export interface SessionInput {
  title?: string;
  startsAt: string;
  endsAt: string;
  timeZone?: string;
  webinarUrl?: string | null;
  venue?: string | null;
}

export interface PlannedSession {
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  webinarUrl: string | null;
  venue: string | null;
}

const MAX_SESSION_HOURS = 12;

function checkUrl(field: string, url: string | null | undefined): string | null {
  if (url === undefined || url === null || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw validation(field, `"${url}" is not a web address (https://…)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw validation(field, 'must be an http(s) address');
  return parsed.toString();
}

/** Reads one session's times in its zone (or the programme's) and checks it. */
export function planSession(input: SessionInput, programmeZone: string, field: string): PlannedSession {
  const timeZone = input.timeZone ?? programmeZone;
  if (!isTimeZone(timeZone)) throw validation(`${field}.timeZone`, `"${timeZone}" is not an IANA time zone (e.g. Asia/Karachi)`);
  const startsAt = parseMoment(input.startsAt, timeZone);
  if (!startsAt) throw validation(`${field}.startsAt`, `"${input.startsAt}" is not a date and time (2026-09-28T14:00, in ${timeZone})`);
  const endsAt = parseMoment(input.endsAt, timeZone);
  if (!endsAt) throw validation(`${field}.endsAt`, `"${input.endsAt}" is not a date and time (2026-09-28T16:00, in ${timeZone})`);
  if (endsAt <= startsAt) throw validation(`${field}.endsAt`, 'must be after the start');
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_HOURS * 3_600_000) throw validation(`${field}.endsAt`, `a session lasts at most ${MAX_SESSION_HOURS} hours`);
  const webinarUrl = checkUrl(`${field}.webinarUrl`, input.webinarUrl);
  const venue = input.venue?.trim() || null;
  if (!webinarUrl && !venue) throw validation(`${field}.webinarUrl`, 'give a webinar link or a venue');
  return { title: (input.title ?? '').trim(), startsAt, endsAt, timeZone, webinarUrl, venue };
}

export interface WindowInput {
  timeZone: string;
  registrationOpens?: string | null;
  registrationDeadline: string;
}

/** Reads the registration window in the programme's zone; a bare deadline date means the end of that day. */
export function planWindow(input: WindowInput): { registrationOpensAt: Date | null; registrationClosesAt: Date } {
  if (!isTimeZone(input.timeZone)) throw validation('timeZone', `"${input.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)`);
  const registrationOpensAt = input.registrationOpens ? parseMoment(input.registrationOpens, input.timeZone, 'start') : null;
  if (input.registrationOpens && !registrationOpensAt) throw validation('registrationOpens', `"${input.registrationOpens}" is not a date (2026-09-01) or date and time`);
  const registrationClosesAt = parseMoment(input.registrationDeadline, input.timeZone, 'end');
  if (!registrationClosesAt) throw validation('registrationDeadline', `"${input.registrationDeadline}" is not a date (2026-09-26) or date and time`);
  if (registrationOpensAt && registrationOpensAt >= registrationClosesAt) throw validation('registrationDeadline', 'must be after registration opens');
  return { registrationOpensAt, registrationClosesAt };
}

export interface ProgrammeLimits {
  capacity?: number | null;
  reminderOffsetsMinutes?: number[];
  attendanceThresholdPercent?: number;
  certificateMinSessions?: number | null;
}

export const MAX_REMINDER_MINUTES = 30 * 24 * 60;

export function checkLimits(input: ProgrammeLimits): void {
  if (input.capacity !== undefined && input.capacity !== null && !(Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= 100_000)) {
    throw validation('capacity', 'must be a whole number from 1 to 100,000, or null for no limit');
  }
  if (input.reminderOffsetsMinutes !== undefined) {
    if (input.reminderOffsetsMinutes.length > 5) throw validation('reminderOffsetsMinutes', 'at most 5 reminders');
    for (const m of input.reminderOffsetsMinutes) {
      if (!Number.isInteger(m) || m < 5 || m > MAX_REMINDER_MINUTES) throw validation('reminderOffsetsMinutes', `${m} is not between 5 minutes and 30 days (in minutes)`);
    }
  }
  const threshold = input.attendanceThresholdPercent;
  if (threshold !== undefined && !(Number.isInteger(threshold) && threshold >= 1 && threshold <= 100)) {
    throw validation('attendanceThresholdPercent', 'must be a whole number from 1 to 100');
  }
  const min = input.certificateMinSessions;
  if (min !== undefined && min !== null && !(Number.isInteger(min) && min >= 1)) throw validation('certificateMinSessions', 'must be at least 1, or null for every session');
}

