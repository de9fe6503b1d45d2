// Training programmes, registrations, attendance, certificates and calendar feeds.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegates, events, users } from './schema';

const id = () => uuid('id').primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();
const updatedAt = () => at('updated_at').notNull().defaultNow();

/** One eligibility question asked at registration; `allowed` limits who may register. */
export interface EligibilityQuestionRow {
  key: 'country' | 'organisation' | 'role';
  required: boolean;
  allowed?: string[];
}

/** A training programme (a webinar or a series of sessions), alone or part of an event. */
export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    /** The organising bodies as printed on the page and the certificate (e.g. BTBU, ECOSF). */
    organisedBy: text('organised_by').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    /** Language the sessions are held in (ISO 639-1). */
    language: text('language').notNull().default('en'),
    /** Registration opening and deadline are set and enforced in this zone. */
    timeZone: text('time_zone').notNull(),
    registrationOpensAt: at('registration_opens_at'),
    /** The first instant at which registration is closed. */
    registrationClosesAt: at('registration_closes_at').notNull(),
    /** Confirmed places; null means no limit. */
    capacity: integer('capacity'),
    waitlist: boolean('waitlist').notNull().default(true),
    questions: jsonb('questions').$type<EligibilityQuestionRow[]>().notNull().default([]),
    reminderOffsetsMinutes: integer('reminder_offsets_minutes').array().notNull().default(sql`'{1440,60}'::integer[]`),
    /** Share of a session's length a participant must attend to count as present. */
    attendanceThresholdPercent: integer('attendance_threshold_percent').notNull().default(50),
    /** Sessions attended for a certificate; null means every session that was held. */
    certificateMinSessions: integer('certificate_min_sessions'),
    published: boolean('published').notNull().default(true),
    /**
     * Places taken and the queue, kept in step with `registrations` by every change made under the
     * programme's row lock: the statement that takes the lock reads them, instead of counting.
     */
    confirmedCount: integer('confirmed_count').notNull().default(0),
    waitlistedCount: integer('waitlisted_count').notNull().default(0),
    lastQueueNumber: integer('last_queue_number').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('programmes_event_idx').on(t.eventId)],
);

/** Accounts that manage a programme (besides the organisers of its event). */
export const programmeOrganisers = pgTable(
  'programme_organisers',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('programme_organisers_key').on(t.programmeId, t.userId)],
);

export const programmeSessions = pgTable(
  'programme_sessions',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Shown only to confirmed registrants and organisers. */
    webinarUrl: text('webinar_url'),
    venue: text('venue'),
    /** Counts changes; with the registration's, it gives calendar entries a SEQUENCE that only grows. */
    revision: integer('revision').notNull().default(0),
    cancelledAt: at('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('programme_sessions_programme_idx').on(t.programmeId, t.startsAt), index('programme_sessions_start_idx').on(t.startsAt)],
);

/** A person's place (or place in the queue) in a programme; one per e-mail address. */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /**
     * The registrant's secret (page, cancellation, calendar feed). Kept in clear, unlike session
     * tokens: a duplicate registration or a promotion from the waitlist must e-mail it again, and
     * every queued e-mail carries it in the outbox anyway.
     */
    token: text('token').notNull().unique(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** The name in Latin letters for the certificate, when `name` is written in another script. */
    nameLatin: text('name_latin'),
    language: text('language').notNull().default('en'),
    timeZone: text('time_zone'),
    country: text('country'),
    organisation: text('organisation'),
    role: text('role'),
    status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
    /** Counts changes of status (see the sessions' revision). */
    revision: integer('revision').notNull().default(0),
    /** Place in the queue, handed out in arrival order under the programme's lock: the lowest is promoted first. */
    queueNumber: integer('queue_number').notNull(),
    waitlistedAt: at('waitlisted_at'),
    confirmedAt: at('confirmed_at'),
    cancelledAt: at('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('registrations_programme_email_key').on(t.programmeId, sql`lower(${t.email})`),
    index('registrations_programme_status_idx').on(t.programmeId, t.status, t.queueNumber),
  ],
);

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    /** Minutes connected, from a webinar report; null when marked by hand. */
    minutes: integer('minutes'),
    source: text('source', { enum: ['import', 'manual'] }).notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('session_attendance_key').on(t.sessionId, t.registrationId)],
);

/** Reminders already queued, so a restart or a second server never sends one twice. */
export const sessionReminders = pgTable(
  'session_reminders',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    offsetMinutes: integer('offset_minutes').notNull(),
    queuedAt: at('queued_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('session_reminders_key').on(t.sessionId, t.registrationId, t.offsetMinutes)],
);

export const certificates = pgTable('certificates', {
  id: id(),
  registrationId: uuid('registration_id')
    .notNull()
    .unique()
    .references(() => registrations.id, { onDelete: 'cascade' }),
  programmeId: uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  /** Printed on the certificate; anyone can check it at the public verification address. */
  code: text('code').notNull().unique(),
  /** What the certificate says, frozen when it is issued. */
  holderName: text('holder_name').notNull(),
  programmeTitle: text('programme_title').notNull(),
  organisedBy: text('organised_by').array().notNull(),
  sessionsAttended: integer('sessions_attended').notNull(),
  sessionsHeld: integer('sessions_held').notNull(),
  heldFrom: at('held_from').notNull(),
  heldUntil: at('held_until').notNull(),
  issuedAt: at('issued_at').notNull().defaultNow(),
});

/** A delegate's secret calendar subscription to their meeting agenda; only the hash is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: id(),
  delegateId: uuid('delegate_id')
    .notNull()
    .unique()
    .references(() => delegates.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});
