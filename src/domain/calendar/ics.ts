import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';

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

function attributes(entry: CalendarEntry): EventAttributes {
  return {
    uid: entry.uid,
    start: entry.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: entry.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: entry.title,
    description: entry.description,
    ...(entry.location ? { location: entry.location } : {}),
    ...(entry.url ? { url: entry.url } : {}),
    sequence: entry.sequence,
    status: entry.cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: entry.cancelled ? 'FREE' : 'BUSY',
    lastModified: entry.lastModified.getTime(),
  };
}

/**
 * RFC 5545 §3.1: content lines longer than 75 octets are folded. The library folds by characters,
 * which lets lines of Chinese or Urdu text run past the limit, so lines are folded again by octets,
 * never inside a UTF-8 sequence.
 */
export function foldLines(text: string): string {
  const encoder = new TextEncoder();
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of unfolded) {
    let current = '';
    let octets = 0;
    let limit = 75;
    for (const char of line) {
      const size = encoder.encode(char).length;
      if (octets + size > limit) {
        out.push(current);
        current = ' ';
        octets = 1;
        limit = 75;
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
  if (entries.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(entries.map(attributes), { productId: PRODUCT_ID, method: 'PUBLISH', calName: name });
  if (error || !value) throw error ?? new Error('the calendar could not be written');
  return foldLines(value);
}

function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

// 2024-01-01T00:00:00Z: sequences count seconds from here, so they fit iCalendar's integer for a century.
const SEQUENCE_EPOCH = 1_704_067_200_000;

/**
 * A SEQUENCE that grows with every change, taken from when the things an entry shows last changed,
 * so no counter has to be kept in step with every write.
 */
export function sequenceOf(...changedAt: Date[]): number {
  return Math.max(0, Math.floor((Math.max(...changedAt.map((d) => d.getTime())) - SEQUENCE_EPOCH) / 1000));
}
