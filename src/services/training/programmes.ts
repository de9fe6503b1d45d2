import crypto from 'node:crypto';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { localIso } from '../../domain/calendar/zoned-time';
import { AppError, validation } from '../../domain/errors';
import type { Relation } from '../../domain/permissions';
import { planQuestions } from '../../domain/training/eligibility';
import type { EligibilityQuestion } from '../../domain/training/eligibility';
import { checkLimits, deadlineText, planSession, planWindow, registrationState } from '../../domain/training/programme-rules';
import type { SessionInput } from '../../domain/training/programme-rules';
import type { Database, Executor } from '../../storage/db';
import { isUniqueViolation } from '../../storage/errors';
import { programmeOrganisers, programmeSessions, programmes } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize, baseRelations } from '../access';
import { recordAudit, slugify } from '../events';
import { accessProgramme } from './access';
import type { ProgrammeRow } from './access';
import { promoteWaitlisted, sessionsOf } from './places';

export interface ProgrammeSettings {
  title?: string;
  organisedBy?: string[];
  description?: string;
  language?: string;
  timeZone?: string;
  registrationOpens?: string | null;
  registrationDeadline?: string;
  capacity?: number | null;
  waitlist?: boolean;
  questions?: EligibilityQuestion[];
  reminderOffsetsMinutes?: number[];
  attendanceThresholdPercent?: number;
  certificateMinSessions?: number | null;
  published?: boolean;
}

export interface NewProgramme extends ProgrammeSettings {
  eventId?: string | null;
  slug?: string;
  title: string;
  timeZone: string;
  registrationDeadline: string;
  sessions: SessionInput[];
}

function checkText(input: ProgrammeSettings): void {
  if (input.title !== undefined && !input.title.trim()) throw validation('title', 'is required');
  if (input.language !== undefined && !/^[a-z]{2}$/.test(input.language)) throw validation('language', `"${input.language}" is not a language code (en, zh, ur…)`);
  if (input.organisedBy?.some((o) => !o.trim())) throw validation('organisedBy', 'names must not be empty');
}

/** Creates a programme with its sessions; the creator manages it (with the organisers of its event, if any). */
export async function createProgramme(db: Database, actor: Actor, input: NewProgramme, now = new Date()) {
  authorize(actor, 'programme.create', baseRelations(actor));
  checkText(input);
  checkLimits(input);
  const window = planWindow(input);
  const questions = planQuestions(input.questions ?? []);
  if (input.sessions.length === 0) throw validation('sessions', 'a programme needs at least one session');
  const sessions = input.sessions.map((s, i) => planSession(s, input.timeZone, `sessions.${i}`));
  const slug = input.slug ?? `${slugify(input.title)}-${crypto.randomBytes(3).toString('hex')}`;
  return db.transaction(async (tx) => {
    if (input.eventId) {
      const event = await accessEvent(tx, actor, input.eventId);
      authorize(actor, 'event.update', event.relations);
    }
    let programme: ProgrammeRow;
    try {
      [programme] = (await tx
        .insert(programmes)
        .values({
          eventId: input.eventId ?? null,
          slug,
          title: input.title.trim(),
          organisedBy: (input.organisedBy ?? []).map((o) => o.trim()),
          description: input.description ?? '',
          language: input.language ?? 'en',
          timeZone: input.timeZone,
          ...window,
          capacity: input.capacity ?? null,
          waitlist: input.waitlist ?? true,
          questions,
          ...(input.reminderOffsetsMinutes ? { reminderOffsetsMinutes: [...new Set(input.reminderOffsetsMinutes)].sort((a, b) => b - a) } : {}),
          attendanceThresholdPercent: input.attendanceThresholdPercent ?? 50,
          certificateMinSessions: input.certificateMinSessions ?? null,
          published: input.published ?? true,
          createdAt: now,
          updatedAt: now,
        })
        .returning()) as [ProgrammeRow];
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', `a programme with the address "${slug}" exists; choose another slug`, 'slug');
      throw error;
    }
    await tx.insert(programmeSessions).values(sessions.map((s) => ({ ...s, programmeId: programme.id, createdAt: now, updatedAt: now })));
    if (actor.kind === 'user' && actor.via !== 'cli') await tx.insert(programmeOrganisers).values({ programmeId: programme.id, userId: actor.userId });
    await recordAudit(tx, actor, programme.eventId, 'programme.created', { programmeId: programme.id, title: programme.title });
    return programmeView(tx, programme, new Set<Relation>(['programmeOrganiser']), now);
  });
}

/** Changes a programme's settings; raising the capacity promotes people from the waiting list. */
export async function updateProgramme(db: Database, actor: Actor, reference: string, input: ProgrammeSettings, publicUrl: string, now = new Date()) {
  checkText(input);
  checkLimits(input);
  return db.transaction(async (tx) => {
    const { programme, relations } = await accessProgramme(tx, actor, reference, { lock: true });
    authorize(actor, 'programme.update', relations);
    const timeZone = input.timeZone ?? programme.timeZone;
    const window =
      input.registrationDeadline !== undefined || input.registrationOpens !== undefined || input.timeZone !== undefined
        ? planWindowPatch(programme, { ...input, timeZone })
        : {};
    const capacity = input.capacity === undefined ? programme.capacity : input.capacity;
    if (capacity !== null && capacity < programme.confirmedCount) {
      throw new AppError('CONFLICT', `${programme.confirmedCount} people hold places; cancel registrations before lowering the capacity below that`, 'capacity');
    }
    const { registrationOpens: _opens, registrationDeadline: _deadline, questions, reminderOffsetsMinutes, ...plain } = input;
    const [updated] = await tx
      .update(programmes)
      .set({
        ...plain,
        ...window,
        ...(questions ? { questions: planQuestions(questions) } : {}),
        ...(reminderOffsetsMinutes ? { reminderOffsetsMinutes: [...new Set(reminderOffsetsMinutes)].sort((a, b) => b - a) } : {}),
        updatedAt: now,
      })
      .where(eq(programmes.id, programme.id))
      .returning();
    const promoted = await promoteWaitlisted(tx, updated!, publicUrl, now);
    await recordAudit(tx, actor, programme.eventId, 'programme.updated', { programmeId: programme.id, fields: Object.keys(input), promoted: promoted.promoted.length });
    return programmeView(tx, promoted.programme, relations, now);
  });
}

/** A changed zone keeps the stored instants unless the window is given again, in the new zone. */
function planWindowPatch(programme: ProgrammeRow, input: ProgrammeSettings & { timeZone: string }) {
  const toText = (d: Date | null) => (d ? d.toISOString() : null);
  return planWindow({
    timeZone: input.timeZone,
    registrationOpens: input.registrationOpens === undefined ? toText(programme.registrationOpensAt) : input.registrationOpens,
    registrationDeadline: input.registrationDeadline ?? toText(programme.registrationClosesAt)!,
  });
}

export interface ViewOptions {
  /** Show webinar links (organisers, and a confirmed registrant on their own page). */
  withLinks?: boolean;
}

/** The programme as the API shows it; webinar links only to those allowed to see them. */
export async function programmeView(db: Executor, programme: ProgrammeRow, relations: ReadonlySet<Relation>, now: Date, options: ViewOptions = {}) {
  const organiser = relations.has('programmeOrganiser');
  const withLinks = organiser || options.withLinks === true;
  const sessions = await sessionsOf(db, programme.id);
  return {
    id: programme.id,
    slug: programme.slug,
    eventId: programme.eventId,
    title: programme.title,
    organisedBy: programme.organisedBy,
    description: programme.description,
    language: programme.language,
    timeZone: programme.timeZone,
    published: programme.published,
    registration: {
      state: registrationState(programme, now),
      opensAt: programme.registrationOpensAt,
      closesAt: programme.registrationClosesAt,
      closesLocal: localIso(programme.registrationClosesAt, programme.timeZone),
      deadline: deadlineText(programme.registrationClosesAt, programme.timeZone),
    },
    capacity: programme.capacity,
    placesLeft: programme.capacity === null ? null : Math.max(0, programme.capacity - programme.confirmedCount),
    waitlist: programme.waitlist,
    waitlistLength: programme.waitlistedCount,
    questions: programme.questions,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      timeZone: s.timeZone,
      startsLocal: localIso(s.startsAt, s.timeZone),
      endsLocal: localIso(s.endsAt, s.timeZone),
      online: s.webinarUrl !== null,
      venue: s.venue,
      cancelled: s.cancelledAt !== null,
      ...(withLinks ? { webinarUrl: s.webinarUrl } : {}),
    })),
    ...(organiser
      ? {
          settings: {
            reminderOffsetsMinutes: programme.reminderOffsetsMinutes,
            attendanceThresholdPercent: programme.attendanceThresholdPercent,
            certificateMinSessions: programme.certificateMinSessions,
          },
          confirmed: programme.confirmedCount,
        }
      : {}),
  };
}

export async function getProgramme(db: Executor, actor: Actor, reference: string, now = new Date()) {
  const { programme, relations } = await accessProgramme(db, actor, reference);
  authorize(actor, 'programme.read', relations);
  return programmeView(db, programme, relations, now);
}

/** Published programmes, soonest first; `mine` lists those the actor organises, drafts included. */
export async function listProgrammes(db: Executor, actor: Actor, filter: { eventId?: string; mine?: boolean; includePast?: boolean }, now = new Date()) {
  authorize(actor, 'programme.list', baseRelations(actor));
  const conditions = [];
  if (filter.eventId) conditions.push(eq(programmes.eventId, filter.eventId));
  if (filter.mine) {
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const own = db.select({ id: programmeOrganisers.programmeId }).from(programmeOrganisers).where(eq(programmeOrganisers.userId, actor.userId));
    conditions.push(
      or(inArray(programmes.id, own), sql`exists (select 1 from event_organisers eo where eo.event_id = programmes.event_id and eo.user_id = ${actor.userId})`)!,
    );
  } else conditions.push(eq(programmes.published, true));
  const lastEnd = sql`(select max(s.ends_at) from programme_sessions s where s.programme_id = programmes.id and s.cancelled_at is null)`;
  const firstStart = sql<string | null>`(select min(s.starts_at) from programme_sessions s where s.programme_id = programmes.id and s.cancelled_at is null)`;
  if (!filter.includePast) conditions.push(sql`${lastEnd} > ${now.toISOString()}::timestamptz`);
  const rows = await db
    .select({
      programme: programmes,
      firstStart,
    })
    .from(programmes)
    .where(and(...conditions))
    .orderBy(sql`${firstStart} nulls last`, asc(programmes.title))
    .limit(200);
  return rows.map(({ programme: p, firstStart }) => ({
    id: p.id,
    slug: p.slug,
    eventId: p.eventId,
    title: p.title,
    organisedBy: p.organisedBy,
    language: p.language,
    timeZone: p.timeZone,
    published: p.published,
    firstSessionAt: firstStart ? new Date(firstStart) : null,
    registration: { state: registrationState(p, now), closesAt: p.registrationClosesAt, deadline: deadlineText(p.registrationClosesAt, p.timeZone) },
    placesLeft: p.capacity === null ? null : Math.max(0, p.capacity - p.confirmedCount),
  }));
}
