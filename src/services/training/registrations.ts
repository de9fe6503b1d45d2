import { and, asc, eq, sql } from 'drizzle-orm';
import { isTimeZone } from '../../domain/calendar/zoned-time';
import { AppError, notFound, validation } from '../../domain/errors';
import { UI_LANGUAGES } from '../../domain/organisation';
import type { UiLanguage } from '../../domain/organisation';
import { checkAnswers } from '../../domain/training/eligibility';
import { checkRegistrationOpen, placeFor } from '../../domain/training/programme-rules';
import { isLatinText } from '../../domain/training/pdf';
import type { Database, Executor } from '../../storage/db';
import { certificates, registrations, sessionAttendance } from '../../storage/schema';
import type { Actor } from '../actor';
import { authorize, withRelations } from '../access';
import { newToken } from '../auth/secrets';
import { accessProgramme } from './access';
import type { ProgrammeRow } from './access';
import { links, queueCancelledMail, queuePlaceMail, queueWaitlistMail, registrationCalendar } from './notices';
import { adjustCounts, programmeEnd, promoteWaitlisted, sessionsOf, waitlistPosition } from './places';
import type { RegistrationRow } from './places';
import { programmeView } from './programmes';

export interface Registrant {
  name: string;
  email: string;
  nameLatin?: string | null;
  language?: UiLanguage;
  timeZone?: string | null;
  country?: string | null;
  organisation?: string | null;
  role?: string | null;
}

export interface RegistrationOutcome {
  status: 'confirmed' | 'waitlisted';
  /** True when this e-mail address was already registered: nothing changed, the details were sent again. */
  duplicate: boolean;
  waitlistPosition: number | null;
  message: string;
}

function checkRegistrant(input: Registrant): void {
  if (!input.name.trim()) throw validation('name', 'is required');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) throw validation('email', `"${input.email}" is not an e-mail address`);
  if (input.language && !UI_LANGUAGES.includes(input.language)) throw validation('language', 'must be en, ur or zh');
  if (input.timeZone && !isTimeZone(input.timeZone)) throw validation('timeZone', `"${input.timeZone}" is not an IANA time zone`);
  const latin = input.nameLatin?.trim();
  if (latin && !isLatinText(latin)) throw validation('nameLatin', 'must be written in Latin letters (e.g. Wang Fang)');
  // Certificates are printed in the standard PDF fonts, which have Latin letters only.
  if (!latin && !isLatinText(input.name)) {
    throw validation('nameLatin', 'give your name in Latin letters as it should appear on the certificate (e.g. Wang Fang)');
  }
}

const mask = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1…$2');

/**
 * Registers a person by e-mail, no account needed. Runs under the programme's lock, so places are
 * handed out one at a time: capacity is never exceeded, the waiting list keeps arrival order, and
 * the same address registering twice (even at the same instant) is recognised, not doubled. The
 * statement that takes the lock also reads the counts of places, so no registration counts rows.
 */
export async function register(db: Database, actor: Actor, reference: string, input: Registrant, publicUrl: string, now = new Date()): Promise<RegistrationOutcome> {
  checkRegistrant(input);
  const email = input.email.trim();
  return db.transaction(async (tx) => {
    const { programme, relations } = await accessProgramme(tx, actor, reference, { lock: true });
    authorize(actor, 'programme.register', relations);
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.programmeId, programme.id), sql`lower(${registrations.email}) = lower(${email})`));
    if (existing && existing.status !== 'cancelled') return repeat(tx, programme, existing, publicUrl);
    checkRegistrationOpen(programme, now);
    const answers = checkAnswers(programme.questions, input);
    const status = placeFor(programme, programme.confirmedCount);
    const queueNumber = programme.lastQueueNumber + 1;
    const values = {
      name: input.name.trim(),
      nameLatin: input.nameLatin?.trim() || null,
      language: input.language ?? 'en',
      timeZone: input.timeZone ?? null,
      ...answers,
      email,
      status,
      queueNumber,
      waitlistedAt: status === 'waitlisted' ? now : null,
      confirmedAt: status === 'confirmed' ? now : null,
      cancelledAt: null,
      updatedAt: now,
    };
    // A cancelled registration comes back to life: one row per address, with its secret kept.
    const [registration] = existing
      ? await tx.update(registrations).set({ ...values, revision: existing.revision + 1 }).where(eq(registrations.id, existing.id)).returning()
      : await tx.insert(registrations).values({ ...values, programmeId: programme.id, token: newToken('reg'), createdAt: now }).returning();
    await adjustCounts(tx, programme.id, status === 'confirmed' ? { confirmed: 1, lastQueueNumber: queueNumber } : { waitlisted: 1, lastQueueNumber: queueNumber });
    if (status === 'confirmed') {
      await queuePlaceMail(tx, programme, await sessionsOf(tx, programme.id), registration!, 'registered', publicUrl);
      return { status, duplicate: false, waitlistPosition: null, message: `You are registered. The webinar link and a calendar invite are on their way to ${mask(email)}.` };
    }
    const position = programme.waitlistedCount + 1;
    await queueWaitlistMail(tx, programme, registration!, position, false, publicUrl);
    return { status, duplicate: false, waitlistPosition: position, message: `All places are taken: you are number ${position} on the waiting list. We will e-mail ${mask(email)} if a place becomes free.` };
  });
}

async function repeat(tx: Executor, programme: ProgrammeRow, existing: RegistrationRow, publicUrl: string): Promise<RegistrationOutcome> {
  if (existing.status === 'confirmed') {
    await queuePlaceMail(tx, programme, await sessionsOf(tx, programme.id), existing, 'again', publicUrl);
    return { status: 'confirmed', duplicate: true, waitlistPosition: null, message: `This e-mail address is already registered; we sent the details again to ${mask(existing.email)}.` };
  }
  const position = await waitlistPosition(tx, existing);
  await queueWaitlistMail(tx, programme, existing, position, true, publicUrl);
  return { status: 'waitlisted', duplicate: true, waitlistPosition: position, message: `This e-mail address is already on the waiting list, at number ${position}; we sent the details again.` };
}

async function byToken(db: Executor, token: string): Promise<RegistrationRow> {
  const [registration] = await db.select().from(registrations).where(eq(registrations.token, token));
  if (!registration) throw notFound('Registration');
  return registration;
}

/** A registrant's own page, reached by the secret link in their e-mails. */
export async function getRegistration(db: Executor, actor: Actor, token: string, publicUrl: string, now = new Date()) {
  const registration = await byToken(db, token);
  const { programme, relations } = await accessProgramme(db, actor, registration.programmeId);
  authorize(actor, 'registration.read', withRelations(relations, 'registrant'));
  const confirmed = registration.status === 'confirmed';
  const [certificate] = await db.select().from(certificates).where(eq(certificates.registrationId, registration.id));
  const attended = await db.select().from(sessionAttendance).where(eq(sessionAttendance.registrationId, registration.id));
  return {
    id: registration.id,
    status: registration.status,
    name: registration.name,
    nameLatin: registration.nameLatin,
    email: registration.email,
    language: registration.language,
    timeZone: registration.timeZone,
    country: registration.country,
    organisation: registration.organisation,
    role: registration.role,
    registeredAt: registration.createdAt,
    confirmedAt: registration.confirmedAt,
    cancelledAt: registration.cancelledAt,
    waitlistPosition: registration.status === 'waitlisted' ? await waitlistPosition(db, registration) : null,
    calendarUrl: confirmed ? links.registrationCalendar(publicUrl, registration.token) : null,
    attendance: attended.map((a) => ({ sessionId: a.sessionId, present: a.present, minutes: a.minutes })),
    certificate: certificate
      ? { code: certificate.code, pdfUrl: links.certificatePdf(publicUrl, certificate.code), verifyUrl: links.certificatePage(publicUrl, certificate.code) }
      : null,
    programme: await programmeView(db, programme, relations, now, { withLinks: confirmed }),
  };
}

/** The registrant's sessions as an .ics file (and a subscribable feed: the address stays the same). */
export async function registrationCalendarFile(db: Executor, actor: Actor, token: string, publicUrl: string): Promise<string> {
  const registration = await byToken(db, token);
  const { programme, relations } = await accessProgramme(db, actor, registration.programmeId);
  authorize(actor, 'registration.read', withRelations(relations, 'registrant'));
  return registrationCalendar(programme, await sessionsOf(db, programme.id), registration, publicUrl);
}

/** Cancels by the registrant's secret link. */
export async function cancelOwnRegistration(db: Database, actor: Actor, token: string, publicUrl: string, now = new Date()) {
  const { programmeId, id } = await byToken(db, token);
  return cancel(db, actor, programmeId, id, 'registrant', publicUrl, now);
}

/** Cancels someone's registration on the organiser's behalf. */
export async function cancelRegistration(db: Database, actor: Actor, reference: string, registrationId: string, publicUrl: string, now = new Date()) {
  return cancel(db, actor, reference, registrationId, null, publicUrl, now);
}

async function cancel(db: Database, actor: Actor, reference: string, registrationId: string, extra: 'registrant' | null, publicUrl: string, now: Date) {
  return db.transaction(async (tx) => {
    const { programme, relations } = await accessProgramme(tx, actor, reference, { lock: true });
    authorize(actor, 'registration.cancel', withRelations(relations, extra));
    const [registration] = await tx.select().from(registrations).where(and(eq(registrations.id, registrationId), eq(registrations.programmeId, programme.id)));
    if (!registration) throw notFound('Registration');
    if (registration.status === 'cancelled') return { status: 'cancelled' as const, promoted: 0 };
    const sessions = await sessionsOf(tx, programme.id);
    const end = programmeEnd(sessions);
    if (end && end <= now) throw new AppError('CONFLICT', 'the programme is over; its registrations can no longer be cancelled');
    const [cancelled] = await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: now, revision: sql`${registrations.revision} + 1`, updatedAt: now })
      .where(eq(registrations.id, registration.id))
      .returning();
    await queueCancelledMail(tx, programme, sessions, cancelled!, registration.status === 'confirmed', publicUrl);
    const current = await adjustCounts(tx, programme.id, registration.status === 'confirmed' ? { confirmed: -1 } : { waitlisted: -1 });
    const { promoted } = await promoteWaitlisted(tx, current, publicUrl, now);
    return { status: 'cancelled' as const, promoted: promoted.length };
  });
}

/** Everyone registered, in queue order, for the programme's organisers. */
export async function listRegistrations(db: Executor, actor: Actor, reference: string, filter: { status?: RegistrationRow['status']; limit?: number; offset?: number }) {
  const { programme, relations } = await accessProgramme(db, actor, reference);
  authorize(actor, 'registration.list', relations);
  const conditions = [eq(registrations.programmeId, programme.id)];
  if (filter.status) conditions.push(eq(registrations.status, filter.status));
  const rows = await db
    .select({
      registration: registrations,
      sessionsAttended: sql<number>`(select count(*)::int from session_attendance a where a.registration_id = registrations.id and a.present)`,
      certificateCode: sql<string | null>`(select c.code from certificates c where c.registration_id = registrations.id)`,
    })
    .from(registrations)
    .where(and(...conditions))
    .orderBy(asc(registrations.queueNumber))
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0);
  return rows.map(({ registration: r, sessionsAttended, certificateCode }) => ({
    id: r.id,
    status: r.status,
    name: r.name,
    nameLatin: r.nameLatin,
    email: r.email,
    language: r.language,
    country: r.country,
    organisation: r.organisation,
    role: r.role,
    queueNumber: r.queueNumber,
    registeredAt: r.createdAt,
    confirmedAt: r.confirmedAt,
    cancelledAt: r.cancelledAt,
    sessionsAttended: Number(sessionsAttended),
    certificateCode,
  }));
}
