import type { RowError } from '../errors';
import { AppError } from '../errors';

/**
 * Reads the attendance report a webinar platform exports (Zoom, Teams, Webex, Tencent Meeting or
 * a hand-made sheet): one row per connection, with an e-mail and how long the person stayed.
 * Reports often start with lines of summary before the table, and list a person once per
 * re-join, so header rows are searched for and minutes are added up per address.
 */

const EMAIL_HEADERS = ['email', 'e-mail', 'user email', 'attendee email', 'email address', 'e-mail address', 'participant email', '邮箱', '电子邮件', '电子邮箱'];
const MINUTES_HEADERS = [
  'duration (minutes)',
  'time in session (minutes)',
  'duration (mins)',
  'duration',
  'minutes',
  'attendance duration',
  'in-meeting duration',
  'attended minutes',
  '参会时长(分钟)',
  '参会时长（分钟）',
  '参会时长',
];
const ATTENDED_HEADERS = ['attended', 'present'];

const normalise = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Minutes from "65", "65.5", "1h 5m 3s", "1:05:03", "65 mins"; null when unreadable. */
export function readMinutes(cell: string): number | null {
  const text = cell.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60;
  const units = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?\s*(?:(\d+)\s*s(?:ec(?:ond)?s?)?)?$/.exec(text);
  if (units && (units[1] || units[2] || units[3])) return Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0) + Number(units[3] ?? 0) / 60;
  const chinese = /^(?:(\d+)\s*小时)?\s*(?:(\d+)\s*分(?:钟)?)?\s*(?:(\d+)\s*秒)?$/.exec(text);
  if (chinese && (chinese[1] || chinese[2] || chinese[3])) return Number(chinese[1] ?? 0) * 60 + Number(chinese[2] ?? 0) + Number(chinese[3] ?? 0) / 60;
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AttendanceReport {
  /** Lower-cased e-mail → minutes connected in total. */
  minutesByEmail: Map<string, number>;
  /** Table rows read (after the header). */
  rows: number;
}

interface Columns {
  header: string[];
  email: number;
  minutes: number;
  attended: number;
}

function columnsOf(row: string[]): Columns | null {
  const header = row.map(normalise);
  const email = header.findIndex((h) => EMAIL_HEADERS.includes(h));
  if (email < 0) return null;
  const minutes = MINUTES_HEADERS.map((h) => header.indexOf(h)).find((i) => i >= 0) ?? -1;
  if (minutes < 0) {
    throw new AppError('VALIDATION', `no duration column found: the report needs one of ${MINUTES_HEADERS.slice(0, 4).map((h) => `"${h}"`).join(', ')}`, 'file');
  }
  return { header: row, email, minutes, attended: header.findIndex((h) => ATTENDED_HEADERS.includes(h)) };
}

/**
 * Reads rows of cells (as a CSV parser gives them). A row naming an e-mail column starts a table;
 * Zoom's report has several (host, panelists, attendees), each with its own header. A bad row
 * refuses the whole report, naming the row.
 */
export function readAttendanceReport(table: string[][]): AttendanceReport {
  const errors: RowError[] = [];
  const minutesByEmail = new Map<string, number>();
  let columns: Columns | null = null;
  let rows = 0;
  for (const [i, cells] of table.entries()) {
    const row = i + 1;
    const header = columnsOf(cells);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns || cells.every((c) => c.trim() === '')) continue;
    const { email: e, minutes: m, attended: a, header: names } = columns;
    const email = (cells[e] ?? '').trim().toLowerCase();
    // Section titles, and guests who joined without an address, cannot be matched to anyone.
    if (email === '') continue;
    rows++;
    if (!EMAIL.test(email)) {
      errors.push({ row, column: names[e], message: `"${cells[e]}" is not an e-mail address` });
      continue;
    }
    const attended = a < 0 ? 'yes' : normalise(cells[a] ?? '');
    const cell = (cells[m] ?? '').trim();
    const minutes = cell === '' ? 0 : readMinutes(cell);
    if (minutes === null) {
      errors.push({ row, column: names[m], message: `"${cell}" is not a duration (minutes, 1h 5m or 1:05:00)` });
      continue;
    }
    const counted = attended === 'no' || attended === 'false' ? 0 : minutes;
    minutesByEmail.set(email, (minutesByEmail.get(email) ?? 0) + counted);
  }
  if (!columns) {
    throw new AppError('VALIDATION', `no e-mail column found: the report needs a header row with one of ${EMAIL_HEADERS.slice(0, 4).map((h) => `"${h}"`).join(', ')}`, 'file');
  }
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new AppError('VALIDATION', `row ${first.row}, column "${first.column}": ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, 'file', errors);
  }
  return { minutesByEmail, rows };
}

/** Present when connected for at least the programme's share of the session. */
export function isPresent(minutes: number, sessionMinutes: number, thresholdPercent: number): boolean {
  return minutes + 1e-9 >= (sessionMinutes * thresholdPercent) / 100;
}
