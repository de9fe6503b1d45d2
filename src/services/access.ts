import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../domain/errors';
import { can } from '../domain/permissions';
import type { Action, Relation } from '../domain/permissions';
import type { Executor } from '../storage/db';
import { delegates, eventOrganisers, events } from '../storage/schema';
import type { Actor } from './actor';
import { ReadCache } from './read-cache';

export type EventRow = typeof events.$inferSelect;
export type DelegateRow = typeof delegates.$inferSelect;

export interface EventAccess {
  event: EventRow;
  relations: Set<Relation>;
  /** The actor's own delegate record in this event, if any. */
  delegate: DelegateRow | null;
}

export function baseRelations(actor: Actor): Set<Relation> {
  const relations = new Set<Relation>(['anyone']);
  if (actor.kind === 'user') {
    relations.add('signedIn');
    if (actor.role === 'organiser') relations.add('organiserRole');
  }
  return relations;
}

interface CachedAccess {
  event: EventRow;
  delegate: DelegateRow | null;
  isOrganiser: boolean;
}

/** How users relate to events, for two seconds; writes that change it call `forgetEventAccess`. */
const accessCache = new ReadCache<CachedAccess>(2_000);

export function forgetEventAccess(eventId: string): void {
  accessCache.deletePrefix(`${eventId}|`);
}

/** Loads the event and works out how the actor relates to it (one query, or none when recently asked). */
export async function accessEvent(db: Executor, actor: Actor, eventId: string): Promise<EventAccess> {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const row = await accessCache.getOrLoad(`${eventId}|${userId ?? 'anonymous'}`, () => loadAccess(db, eventId, userId));
  const relations = baseRelations(actor);
  if (row.event.directoryPublic) relations.add('publicDirectory');
  if (row.isOrganiser || (actor.kind === 'user' && actor.via === 'cli')) relations.add('eventOrganiser');
  if (row.delegate) relations.add('eventDelegate');
  return { event: row.event, relations, delegate: row.delegate };
}

async function loadAccess(db: Executor, eventId: string, userId: string | null): Promise<CachedAccess> {
  const [row] = await db
    .select({
      event: events,
      delegate: delegates,
      isOrganiser: userId
        ? sql<boolean>`exists (select 1 from ${eventOrganisers} where ${eventOrganisers.eventId} = ${events.id} and ${eventOrganisers.userId} = ${userId})`
        : sql<boolean>`false`,
    })
    .from(events)
    .leftJoin(delegates, userId ? and(eq(delegates.eventId, events.id), eq(delegates.userId, userId)) : sql`false`)
    .where(eq(events.id, eventId));
  if (!row) throw notFound('Event');
  return { event: row.event, delegate: row.delegate, isOrganiser: Boolean(row.isOrganiser) };
}

export function authorize(actor: Actor, action: Action, relations: ReadonlySet<Relation>): void {
  if (can(action, relations)) return;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  throw new AppError('FORBIDDEN', 'You are not allowed to do this');
}

export function withRelations(base: ReadonlySet<Relation>, ...extra: (Relation | false | null | undefined)[]): Set<Relation> {
  const set = new Set(base);
  for (const r of extra) if (r) set.add(r);
  return set;
}

export type UserActor = Extract<Actor, { kind: 'user' }>;

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return actor;
}

/** Finds an event by id or by its slug (the CLI accepts either). */
export async function resolveEventId(db: Executor, reference: string): Promise<string> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
  const [event] = await db
    .select({ id: events.id })
    .from(events)
    .where(isUuid ? eq(events.id, reference) : eq(events.slug, reference));
  if (!event) throw new AppError('NOT_FOUND', `no event "${reference}" (give its id or slug)`);
  return event.id;
}
