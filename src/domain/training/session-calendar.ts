import type { CalendarEntry } from '../calendar/ics';
import { sessionLine } from './session-times';

export interface ProgrammeForCalendar {
  title: string;
  organisedBy: string[];
}

export interface SessionForCalendar {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  webinarUrl: string | null;
  venue: string | null;
  cancelledAt: Date | null;
  updatedAt: Date;
  revision: number;
}

export interface Reader {
  language: string;
  timeZone: string | null;
  /** When and how often the reader's registration changed: a cancellation must outrank the confirmation. */
  changedAt: Date;
  revision: number;
  /** False for a cancelled or waitlisted registration: the entries are sent as cancelled, without links. */
  confirmed: boolean;
  pageUrl: string;
}

/** One calendar entry per session of a programme, as one registrant sees it. */
export function sessionEntries(programme: ProgrammeForCalendar, sessions: SessionForCalendar[], reader: Reader): CalendarEntry[] {
  return sessions.map((s) => {
    const withLink = reader.confirmed && s.webinarUrl;
    const lines = [
      sessionLine(s, reader.language, reader.timeZone),
      programme.organisedBy.length > 0 ? `Organised by ${programme.organisedBy.join(', ')}` : '',
      withLink ? `Join: ${s.webinarUrl}` : '',
      s.venue ? `Venue: ${s.venue}` : '',
      `Registration: ${reader.pageUrl}`,
    ];
    return {
      uid: `training-session-${s.id}@corridor`,
      start: s.startsAt,
      end: s.endsAt,
      title: s.title ? `${programme.title} — ${s.title}` : programme.title,
      description: lines.filter(Boolean).join('\n'),
      location: s.venue ?? (withLink ? s.webinarUrl : null),
      url: withLink ? s.webinarUrl : null,
      sequence: s.revision + reader.revision,
      cancelled: !reader.confirmed || s.cancelledAt !== null,
      lastModified: new Date(Math.max(s.updatedAt.getTime(), reader.changedAt.getTime())),
    };
  });
}
