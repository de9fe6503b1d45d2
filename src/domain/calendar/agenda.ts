import type { CalendarEntry } from './ics';
import { localIso, offsetLabel } from './zoned-time';

export interface AgendaEvent {
  name: string;
  venue: string;
  city: string;
  timeZone: string;
}

export interface AgendaMeeting {
  id: string;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  tableName: string | null;
  virtualLink: string | null;
  updatedAt: Date;
  /** Raised on every change of slot, table or status; calendar programs keep the highest. */
  revision: number;
  other: { name: string; jobTitle: string; organisation: string; country: string };
}

/** A delegate's meetings as calendar entries: who, which table, and the time in the event's zone. */
export function meetingEntries(event: AgendaEvent, meetings: AgendaMeeting[], agendaUrl: string): CalendarEntry[] {
  return meetings.map((m) => {
    const where = [m.tableName, event.venue, event.city].filter(Boolean).join(', ');
    const local = `${localIso(m.startsAt, event.timeZone).slice(0, 16).replace('T', ' ')}–${localIso(m.endsAt, event.timeZone).slice(11, 16)}`;
    return {
      uid: `meeting-${m.id}@corridor`,
      start: m.startsAt,
      end: m.endsAt,
      title: `Meeting: ${m.other.name} (${m.other.organisation})`,
      description: [
        `${m.other.name}${m.other.jobTitle ? `, ${m.other.jobTitle}` : ''}`,
        `${m.other.organisation} (${m.other.country})`,
        `${event.name}: ${local} ${event.timeZone} (${offsetLabel(m.startsAt, event.timeZone)})`,
        m.tableName ? `Table: ${m.tableName}` : '',
        m.virtualLink ? `Video: ${m.virtualLink}` : '',
        `Your agenda: ${agendaUrl}`,
      ]
        .filter(Boolean)
        .join('\n'),
      location: m.virtualLink && !m.tableName ? m.virtualLink : where || null,
      url: m.virtualLink,
      sequence: m.revision,
      cancelled: m.cancelled,
      lastModified: m.updatedAt,
    };
  });
}
