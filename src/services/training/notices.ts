import { calendarFile } from '../../domain/calendar/ics';
import {
  render,
  trainingCancelledMail,
  trainingPlaceMail,
  trainingSessionChangedMail,
  trainingWaitlistMail,
} from '../../domain/mail/templates';
import type { PlaceReason, SessionChange, SessionForMail } from '../../domain/mail/templates';
import { sessionEntries } from '../../domain/training/session-calendar';
import type { SessionForCalendar } from '../../domain/training/session-calendar';
import { sessionLine, zoneForCountry } from '../../domain/training/session-times';
import type { Executor } from '../../storage/db';
import type { programmes, registrations } from '../../storage/schema';
import type { Attachment } from '../mail/enqueue';
import { enqueueMail } from '../mail/enqueue';

/** The e-mails training sends, each queued in the caller's transaction, with the calendar attached. */
type Programme = typeof programmes.$inferSelect;
type Registration = typeof registrations.$inferSelect;

/** Addresses of the web pages and files a registrant is sent to. */
export const links = {
  programmePage: (publicUrl: string, slug: string) => `${publicUrl}/programmes/${slug}`,
  registrationPage: (publicUrl: string, token: string) => `${publicUrl}/registrations/${token}`,
  registrationCalendar: (publicUrl: string, token: string) => `${publicUrl}/api/registrations/${token}/calendar.ics`,
  certificatePage: (publicUrl: string, code: string) => `${publicUrl}/certificates/${code}`,
  certificatePdf: (publicUrl: string, code: string) => `${publicUrl}/api/certificates/${code}/certificate.pdf`,
};

export const readerZone = (r: Pick<Registration, 'timeZone' | 'country'>) => r.timeZone ?? zoneForCountry(r.country);

export function sessionsForMail(sessions: SessionForCalendar[], registration: Registration, withLinks: boolean): SessionForMail[] {
  return sessions.map((s) => ({
    line: sessionLine(s, registration.language, readerZone(registration)),
    webinarUrl: withLinks && !s.cancelledAt ? s.webinarUrl : null,
    venue: s.venue,
  }));
}

/** The registrant's calendar: their sessions, cancelled when their place is not (or no longer) confirmed. */
export function registrationCalendar(programme: Programme, sessions: SessionForCalendar[], registration: Registration, publicUrl: string): string {
  return calendarFile(
    programme.title,
    sessionEntries(programme, sessions, {
      language: registration.language,
      timeZone: readerZone(registration),
      changedAt: registration.updatedAt,
      revision: registration.revision,
      confirmed: registration.status === 'confirmed',
      pageUrl: links.registrationPage(publicUrl, registration.token),
    }),
  );
}

function calendarAttachment(programme: Programme, sessions: SessionForCalendar[], registration: Registration, publicUrl: string): Attachment {
  return {
    filename: 'invite.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: registrationCalendar(programme, sessions, registration, publicUrl),
  };
}

export async function queuePlaceMail(tx: Executor, programme: Programme, sessions: SessionForCalendar[], registration: Registration, reason: PlaceReason, publicUrl: string) {
  const content = render(trainingPlaceMail, registration.language, {
    name: registration.name,
    programme: programme.title,
    reason,
    sessions: sessionsForMail(sessions.filter((s) => !s.cancelledAt), registration, true),
    page: links.registrationPage(publicUrl, registration.token),
  });
  const kind = `training-${reason === 'again' ? 'confirmed-again' : reason === 'promoted' ? 'promoted' : 'confirmed'}`;
  await enqueueMail(tx, registration.email, kind, content, [calendarAttachment(programme, sessions, registration, publicUrl)]);
}

export async function queueWaitlistMail(tx: Executor, programme: Programme, registration: Registration, position: number, again: boolean, publicUrl: string) {
  const content = render(trainingWaitlistMail, registration.language, {
    name: registration.name,
    programme: programme.title,
    position,
    again,
    page: links.registrationPage(publicUrl, registration.token),
  });
  await enqueueMail(tx, registration.email, again ? 'training-waitlisted-again' : 'training-waitlisted', content);
}

/** To someone whose registration was cancelled; `hadPlace` when it was confirmed (their calendar has the sessions). */
export async function queueCancelledMail(tx: Executor, programme: Programme, sessions: SessionForCalendar[], registration: Registration, hadPlace: boolean, publicUrl: string) {
  const content = render(trainingCancelledMail, registration.language, {
    name: registration.name,
    programme: programme.title,
    hadPlace,
    page: links.programmePage(publicUrl, programme.slug),
  });
  await enqueueMail(tx, registration.email, 'training-cancelled', content, hadPlace ? [calendarAttachment(programme, sessions, registration, publicUrl)] : []);
}

export async function queueSessionChangeMail(
  tx: Executor,
  programme: Programme,
  sessions: SessionForCalendar[],
  changed: SessionForCalendar,
  registration: Registration,
  what: SessionChange,
  publicUrl: string,
) {
  const content = render(trainingSessionChangedMail, registration.language, {
    name: registration.name,
    programme: programme.title,
    what,
    sessions: sessionsForMail([changed], registration, what !== 'cancelled'),
    page: links.registrationPage(publicUrl, registration.token),
  });
  await enqueueMail(tx, registration.email, `training-session-${what}`, content, [calendarAttachment(programme, sessions, registration, publicUrl)]);
}
