import { asc, desc, eq, sql } from 'drizzle-orm';
import { AppError, validation } from '../domain/errors';
import { parseCountry } from '../domain/countries';
import type { Database, Executor } from '../storage/db';
import { isUniqueViolation } from '../storage/errors';
import { auditLog, eventOrganisers, events, meetingTables, timeSlots, users } from '../storage/schema';
import type { Actor } from './actor';
import { accessEvent, authorize, baseRelations, forgetEventAccess, requireUser } from './access';

export interface EventSettings {
  name: string;
  slug?: string;
  venue?: string;
  city?: string;
  timeZone: string;
  days: string[];
  description?: string;
  crossBorderOnly?: boolean;
  countries?: string[];
  maxMeetingsPerDelegate?: number | null;
  maxPendingRequestsPerDelegate?: number | null;
  requestDeadline?: Date | null;
  directoryPublic?: boolean;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkSettings(input: Partial<EventSettings>): void {
  if (input.name !== undefined && !input.name.trim()) throw validation('name', 'is required');
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw validation('timeZone', `"${input.timeZone}" is not an IANA time zone (e.g. Asia/Karachi)`);
  }
  if (input.days !== undefined) {
    if (input.days.length === 0) throw validation('days', 'needs at least one day');
    for (const day of input.days) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw validation('days', `"${day}" is not a date (YYYY-MM-DD)`);
    }
  }
  for (const country of input.countries ?? []) {
    if (!parseCountry(country)) throw validation('countries', `"${country}" is not a country`);
  }
  for (const field of ['maxMeetingsPerDelegate', 'maxPendingRequestsPerDelegate'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 1 || value > 1000)) {
      throw validation(field, 'must be a whole number from 1 to 1000');
    }
  }
}

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'event'
  );
}

export async function recordAudit(db: Executor, actor: Actor, eventId: string | null, action: string, details: Record<string, unknown> = {}) {
  await db.insert(auditLog).values({ eventId, actorUserId: actor.kind === 'user' && actor.via !== 'cli' ? actor.userId : null, action, details: { ...details, via: actor.kind === 'user' ? actor.via : 'anonymous' } });
}

/** A new event's days: listed one by one, or as a first and last day (every day between them). */
export type NewEvent = Omit<EventSettings, 'days'> & { days?: string[]; firstDay?: string; lastDay?: string };

const MAX_EVENT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

function eventDays(input: Pick<NewEvent, 'days' | 'firstDay' | 'lastDay'>): string[] {
  if (input.firstDay === undefined && input.lastDay === undefined) {
    if (!input.days) throw validation('days', 'give the days, or a firstDay and a lastDay');
    return input.days;
  }
  if (!input.firstDay) throw validation('firstDay', 'is required with lastDay');
  if (!input.lastDay) throw validation('lastDay', 'is required with firstDay');
  const first = Date.parse(`${input.firstDay}T00:00:00Z`);
  const last = Date.parse(`${input.lastDay}T00:00:00Z`);
  if (Number.isNaN(first)) throw validation('firstDay', `"${input.firstDay}" is not a date (YYYY-MM-DD)`);
  if (Number.isNaN(last)) throw validation('lastDay', `"${input.lastDay}" is not a date (YYYY-MM-DD)`);
  if (last < first) throw validation('lastDay', `must be on or after the first day (${input.firstDay})`);
  const count = Math.round((last - first) / DAY_MS) + 1;
  if (count > MAX_EVENT_DAYS) throw validation('lastDay', `an event lasts at most ${MAX_EVENT_DAYS} days; this range has ${count}`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
}

export async function createEvent(db: Database, actor: Actor, newEvent: NewEvent) {
  authorize(actor, 'event.create', baseRelations(actor));
  const user = requireUser(actor);
  const { firstDay, lastDay, days, ...settings } = newEvent;
  const input: EventSettings = { ...settings, days: eventDays({ firstDay, lastDay, days }) };
  checkSettings(input);
  return db.transaction(async (tx) => {
    try {
      const [event] = await tx
        .insert(events)
        .values({
          ...input,
          slug: input.slug ?? slugify(input.name),
          countries: (input.countries ?? []).map((c) => parseCountry(c)!),
        })
        .returning();
      await tx.insert(eventOrganisers).values({ eventId: event!.id, userId: user.userId });
      await recordAudit(tx, actor, event!.id, 'event.created', { name: input.name });
      return event!;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', `an event with the address "${input.slug ?? slugify(input.name)}" exists; choose another slug`, 'slug');
      throw error;
    }
  });
}

export async function updateEvent(db: Database, actor: Actor, eventId: string, input: Partial<EventSettings>) {
  const updated = await db.transaction(async (tx) => {
    const access = await accessEvent(tx, actor, eventId);
    authorize(actor, 'event.update', access.relations);
    checkSettings(input);
    const values = { ...input, ...(input.countries ? { countries: input.countries.map((c) => parseCountry(c)!) } : {}) };
    const [event] = await tx.update(events).set(values).where(eq(events.id, eventId)).returning();
    await recordAudit(tx, actor, eventId, 'event.updated', { fields: Object.keys(input) });
    return event!;
  });
  forgetEventAccess(eventId);
  return updated;
}

export async function listEvents(db: Executor, actor: Actor) {
  authorize(actor, 'event.list', baseRelations(actor));
  return db
    .select({
      id: events.id,
      slug: events.slug,
      name: events.name,
      city: events.city,
      venue: events.venue,
      timeZone: events.timeZone,
      days: events.days,
      organisations: sql<number>`(select count(*)::int from organisations o where o.event_id = "events"."id")`,
    })
    .from(events)
    .orderBy(asc(events.createdAt));
}

export async function getEvent(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.read', access.relations);
  return { ...access.event, viewer: { organiser: access.relations.has('eventOrganiser'), delegateId: access.delegate?.id ?? null } };
}

export interface SlotInput {
  startsAt: Date;
  endsAt: Date;
  session?: string;
  label?: string;
  isBreak?: boolean;
}

export async function addSlots(db: Database, actor: Actor, eventId: string, slots: SlotInput[]) {
  return db.transaction(async (tx) => {
    const access = await accessEvent(tx, actor, eventId);
    authorize(actor, 'event.update', access.relations);
    slots.forEach((slot, i) => {
      if (!(slot.endsAt > slot.startsAt)) throw validation(`slots[${i}].endsAt`, 'must be after startsAt');
    });
    const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.startsAt < sorted[i - 1]!.endsAt) throw validation('slots', `slots starting ${sorted[i - 1]!.startsAt.toISOString()} and ${sorted[i]!.startsAt.toISOString()} overlap`);
    }
    if (slots.length === 0) return [];
    try {
      const rows = await tx.insert(timeSlots).values(slots.map((s) => ({ ...s, eventId }))).returning();
      await recordAudit(tx, actor, eventId, 'slots.added', { count: rows.length });
      return rows;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'a slot with the same start time already exists', 'slots');
      throw error;
    }
  });
}

export async function listSlots(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.read', access.relations);
  return db.select().from(timeSlots).where(eq(timeSlots.eventId, eventId)).orderBy(asc(timeSlots.startsAt));
}

export interface TableInput {
  name: string;
  capacity?: number;
  virtualLink?: string | null;
}

export async function addTables(db: Database, actor: Actor, eventId: string, tables: TableInput[]) {
  return db.transaction(async (tx) => {
    const access = await accessEvent(tx, actor, eventId);
    authorize(actor, 'event.update', access.relations);
    tables.forEach((t, i) => {
      if (!t.name.trim()) throw validation(`tables[${i}].name`, 'is required');
      if (t.virtualLink && !/^https:\/\//.test(t.virtualLink)) throw validation(`tables[${i}].virtualLink`, 'must be an https:// link');
    });
    if (tables.length === 0) return [];
    try {
      const rows = await tx.insert(meetingTables).values(tables.map((t) => ({ ...t, eventId }))).returning();
      await recordAudit(tx, actor, eventId, 'tables.added', { count: rows.length });
      return rows;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'a table with the same name already exists', 'tables');
      throw error;
    }
  });
}

export async function listTables(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.read', access.relations);
  return db.select().from(meetingTables).where(eq(meetingTables.eventId, eventId)).orderBy(asc(meetingTables.name));
}

/** Who did what to the event, newest first (organisers only). */
export async function listAudit(db: Executor, actor: Actor, eventId: string, options: { limit?: number; offset?: number } = {}) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.audit', access.relations);
  return db
    .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, actorUserId: auditLog.actorUserId, actorName: users.name, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.eventId, eventId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 1000))
    .offset(Math.max(options.offset ?? 0, 0));
}
