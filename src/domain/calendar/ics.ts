/**
 * iCalendar files (RFC 5545) for meeting agendas and training sessions. Times are written in UTC
 * ("DTSTART:20260928T060000Z"): every calendar program shows them in its user's own zone, and no
 * time-zone definitions can go stale; the organiser's zone is named in the description.
 */
export interface CalendarEntry {
  /** Stable across versions, so an updated file or feed replaces the entry instead of adding one. */
  uid: string;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location?: string | null;
  url?: string | null;
  /** Raised on every change: calendar programs keep the copy with the highest sequence. */
  sequence: number;
  cancelled?: boolean;
  lastModified: Date;
}

const PRODUCT_ID = '-//Corridor//Corridor 0.1//EN';

/** "20260928T060000Z": RFC 5545 date-time in UTC. */
const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * One VEVENT. Written here rather than through a library: a schedule e-mail carries every
 * delegate's agenda, thousands of files in one publish, and a validating writer took ~2 ms an entry.
 * DTSTAMP is the entry's last change, so the same schedule always gives the same file.
 */
function vevent(entry: CalendarEntry): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `SUMMARY:${escapeText(entry.title)}`,
    `DTSTAMP:${utc(entry.lastModified)}`,
    `DTSTART:${utc(entry.start)}`,
    `DTEND:${utc(entry.end)}`,
    `SEQUENCE:${entry.sequence}`,
    `DESCRIPTION:${escapeText(entry.description)}`,
    ...(entry.url ? [`URL:${entry.url.replace(/[\r\n]/g, '')}`] : []),
    ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
    `STATUS:${entry.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `TRANSP:${entry.cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
    `X-MICROSOFT-CDO-BUSYSTATUS:${entry.cancelled ? 'FREE' : 'BUSY'}`,
    `LAST-MODIFIED:${utc(entry.lastModified)}`,
    'END:VEVENT',
  ];
}

/** Octets of one code point in UTF-8. */
const utf8Size = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * RFC 5545 §3.1: content lines longer than 75 octets are folded. Folding counts octets, not
 * characters (which would let lines of Chinese or Urdu run past the limit), and never splits a
 * UTF-8 sequence. Lines that are folded already are unfolded first, so folding twice changes nothing.
 */
export function foldLines(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of unfolded) {
    // Most lines are short ASCII: 75 characters of up to 4 octets each can only exceed 75 octets past 18.
    if (line.length <= 18) {
      out.push(line);
      continue;
    }
    let current = '';
    let octets = 0;
    for (const char of line) {
      const size = utf8Size(char.codePointAt(0)!);
      if (octets + size > 75) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += char;
      octets += size;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

/** A calendar file with one event per entry; an empty calendar is valid and clears a subscription. */
export function calendarFile(name: string, entries: CalendarEntry[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${PRODUCT_ID}`,
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    // Subscribed calendars look again within the hour.
    'X-PUBLISHED-TTL:PT1H',
    ...entries.flatMap(vevent),
    'END:VCALENDAR',
    '',
  ];
  return foldLines(lines.join('\r\n'));
}

function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
