import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  date,
  index,
  integer,
  real,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** A person who can sign in. Global role: organisers may create events; delegates act for an organisation. */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['organiser', 'delegate'] }).notNull(),
    passwordHash: text('password_hash'),
    language: text('language').notNull().default('en'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const signInLinks = pgTable('sign_in_links', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const events = pgTable('events', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  venue: text('venue').notNull().default(''),
  city: text('city').notNull().default(''),
  timeZone: text('time_zone').notNull(),
  days: date('days').array().notNull(),
  description: text('description').notNull().default(''),
  crossBorderOnly: boolean('cross_border_only').notNull().default(false),
  /** Countries whose organisations are matched with each other when crossBorderOnly is set. */
  countries: textList('countries'),
  maxMeetingsPerDelegate: integer('max_meetings_per_delegate'),
  maxPendingRequestsPerDelegate: integer('max_pending_requests_per_delegate'),
  requestDeadline: timestamp('request_deadline', { withTimezone: true }),
  directoryPublic: boolean('directory_public').notNull().default(true),
  createdAt: createdAt(),
});

export const eventOrganisers = pgTable(
  'event_organisers',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('event_organisers_key').on(t.eventId, t.userId)],
);

export const timeSlots = pgTable(
  'time_slots',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    session: text('session').notNull().default(''),
    label: text('label').notNull().default(''),
    isBreak: boolean('is_break').notNull().default(false),
  },
  (t) => [uniqueIndex('time_slots_event_start_key').on(t.eventId, t.startsAt)],
);

export const meetingTables = pgTable(
  'meeting_tables',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(2),
    virtualLink: text('virtual_link'),
  },
  (t) => [uniqueIndex('meeting_tables_event_name_key').on(t.eventId, t.name)],
);

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    name: text('name').notNull(),
    country: text('country').notNull(),
    city: text('city').notNull().default(''),
    isicCodes: textList('isic_codes'),
    hsCodes: textList('hs_codes'),
    requestHsCodes: textList('request_hs_codes'),
    stages: textList('stages'),
    sizeBand: text('size_band').notNull().default('small'),
    website: text('website'),
    description: text('description').notNull().default(''),
    languages: textList('languages'),
    partnershipTypes: textList('partnership_types'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_event_external_key').on(t.eventId, t.externalId),
    index('organisations_event_idx').on(t.eventId, t.name),
  ],
);

export const delegates = pgTable(
  'delegates',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    externalId: text('external_id'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title').notNull().default(''),
    email: text('email').notNull(),
    language: text('language').notNull().default('en'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('delegates_event_email_key').on(t.eventId, sql`lower(${t.email})`),
    uniqueIndex('delegates_event_external_key').on(t.eventId, t.externalId),
    index('delegates_organisation_idx').on(t.organisationId),
    uniqueIndex('delegates_event_user_key').on(t.eventId, t.userId),
  ],
);

export const marketplaceItems = pgTable(
  'marketplace_items',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['offer', 'request'] }).notNull(),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    partnershipTypes: textList('partnership_types'),
    hsCodes: textList('hs_codes'),
    isicCodes: textList('isic_codes'),
    /** Items written by an import are replaced on re-import; items written by delegates are kept. */
    source: text('source', { enum: ['import', 'delegate'] }).notNull().default('delegate'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('marketplace_items_organisation_idx').on(t.organisationId)],
);

export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fromDelegateId: uuid('from_delegate_id')
      .notNull()
      .references(() => delegates.id, { onDelete: 'cascade' }),
    toDelegateId: uuid('to_delegate_id')
      .notNull()
      .references(() => delegates.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'cancelled'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by'),
    /** 'suggested': proposed by the organiser; held only when both sides accept (double opt-in). */
    kind: text('kind', { enum: ['request', 'suggested'] }).notNull().default('request'),
    fromResponse: text('from_response', { enum: ['accepted', 'declined'] }),
    toResponse: text('to_response', { enum: ['accepted', 'declined'] }),
    score: real('score'),
  },
  (t) => [
    // One live request per pair of delegates, whichever of them asked first.
    uniqueIndex('meeting_requests_live_pair_key')
      .on(
        t.eventId,
        sql`least(${t.fromDelegateId}, ${t.toDelegateId})`,
        sql`greatest(${t.fromDelegateId}, ${t.toDelegateId})`,
      )
      .where(sql`status in ('pending', 'accepted')`),
    index('meeting_requests_from_idx').on(t.fromDelegateId, t.status),
    index('meeting_requests_to_idx').on(t.toDelegateId, t.status),
    index('meeting_requests_event_idx').on(t.eventId, t.status),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id').references(() => timeSlots.id, { onDelete: 'set null' }),
    tableId: uuid('table_id').references(() => meetingTables.id, { onDelete: 'set null' }),
    /**
     * The slot a published schedule last gave the meeting, kept when a later one leaves it out:
     * calendar files then still carry the meeting, as cancelled, so calendars that took it in
     * drop it.
     */
    lastSlotId: uuid('last_slot_id').references(() => timeSlots.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['scheduled', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    /** Raised whenever the slot, table or status changes: calendar files use it as SEQUENCE. */
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meetings_request_key').on(t.requestId),
    index('meetings_event_slot_idx').on(t.eventId, t.slotId),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    details: jsonb('details').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_event_idx').on(t.eventId, t.createdAt)],
);

/** E-mail queued in the same transaction as the change that causes it; a worker delivers it. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    kind: text('kind').notNull(),
    attachments: jsonb('attachments').notNull().default([]),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * Background work (schedule builds, re-plans, bulk mail). A row is the job: any server or worker
 * may claim it; a claim whose heartbeat stops is taken over, so jobs survive a restart.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] })
      .notNull()
      .default('queued'),
    progress: real('progress').notNull().default(0),
    message: text('message').notNull().default(''),
    result: jsonb('result'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.createdAt), index('jobs_event_idx').on(t.eventId, t.createdAt)],
);

/** A version of an event's schedule: drafts come from builds and re-plans; one is published. */
export const schedules = pgTable(
  'schedules',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published', 'superseded'] }).notNull().default('draft'),
    /** The published schedule a re-plan started from. */
    basedOn: uuid('based_on'),
    stats: jsonb('stats').notNull().default({}),
    jobId: uuid('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('schedules_event_version_key').on(t.eventId, t.version),
    uniqueIndex('schedules_one_published_key').on(t.eventId).where(sql`status = 'published'`),
  ],
);

export const scheduleAssignments = pgTable(
  'schedule_assignments',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => schedules.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => timeSlots.id, { onDelete: 'cascade' }),
    tableId: uuid('table_id').references(() => meetingTables.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('schedule_assignments_key').on(t.scheduleId, t.meetingId),
    uniqueIndex('schedule_assignments_table_key').on(t.scheduleId, t.slotId, t.tableId),
  ],
);

/**
 * What one side of a meeting reports after the event. Each organisation reports for itself, so
 * the two accounts can be compared (a meeting one side calls held and the other a no-show).
 */
export const meetingOutcomes = pgTable(
  'meeting_outcomes',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    attendance: text('attendance', { enum: ['held', 'no_show', 'cancelled'] }).notNull(),
    dealType: text('deal_type', {
      enum: ['none', 'follow_up', 'supply', 'distribution', 'joint_venture', 'investment', 'technology_licence', 'other'],
    })
      .notNull()
      .default('none'),
    /** Estimated value of the deal in whole US dollars, as the delegate guesses it. */
    estimatedValueUsd: bigint('estimated_value_usd', { mode: 'number' }),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_outcomes_key').on(t.meetingId, t.organisationId),
    index('meeting_outcomes_event_idx').on(t.eventId),
  ],
);

/**
 * Market observations imported after release (the shipped figures live in the code with their
 * sources). `importKey` makes a re-import of the same row update it instead of doubling it.
 */
export const policyObservations = pgTable(
  'policy_observations',
  {
    id: id(),
    importKey: text('import_key').notNull(),
    scope: text('scope').notNull(),
    metric: text('metric').notNull(),
    periodLabel: text('period_label').notNull(),
    periodYear: integer('period_year').notNull(),
    value: doublePrecision('value').notNull(),
    kind: text('kind', { enum: ['observed', 'programme'] }).notNull().default('observed'),
    label: text('label').notNull(),
    note: text('note'),
    sources: jsonb('sources').notNull().default([]),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('policy_observations_import_key').on(t.importKey)],
);

export * from './schema-training';
