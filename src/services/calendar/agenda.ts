import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { meetingEntries } from '../../domain/calendar/agenda';
import type { AgendaMeeting } from '../../domain/calendar/agenda';
import { calendarFile } from '../../domain/calendar/ics';
import { AppError, notFound } from '../../domain/errors';
import type { Relation } from '../../domain/permissions';
import type { Executor } from '../../storage/db';
import { calendarFeeds, delegates, events, meetingRequests, meetingTables, meetings, organisations, timeSlots } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize, baseRelations, withRelations } from '../access';
import { hashToken, newToken } from '../auth/secrets';

/**
 * A delegate's meeting agenda as an iCalendar file, downloaded while signed in, subscribed to
 * through a secret feed address, or attached to the e-mail that announces a published schedule.
 * All are built from the database when asked for, so they follow each published schedule; a moved
 * or cancelled meeting keeps its UID and carries its higher revision as the SEQUENCE. A meeting a
 * re-plan could not place stays in the file, cancelled at its last published time, so calendars
 * that took it in from an e-mail drop it too.
 */
// Up to this many delegates are picked out in SQL; for more (a schedule e-mail to everyone), one
// scan of the event's meetings and people is faster than long id lists.
const FEW_DELEGATES = 50;

/** The agendas of several delegates of one event, by delegate id, each an iCalendar file. */
export async function agendaFiles(db: Executor, eventId: string, delegateIds: string[], publicUrl: string): Promise<Map<string, string>> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('Event');
  const few = delegateIds.length <= FEW_DELEGATES;
  const wanted = new Set(delegateIds);
  const rows = (
    await db
      .select({
        id: meetings.id,
        status: meetings.status,
        placed: meetings.slotId,
        revision: meetings.revision,
        updatedAt: meetings.updatedAt,
        from: meetingRequests.fromDelegateId,
        to: meetingRequests.toDelegateId,
        startsAt: timeSlots.startsAt,
        endsAt: timeSlots.endsAt,
        tableName: meetingTables.name,
        virtualLink: meetingTables.virtualLink,
      })
      .from(meetings)
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
      // A meeting a later schedule left out is shown at its last published slot, cancelled.
      .innerJoin(timeSlots, eq(timeSlots.id, sql`coalesce(${meetings.slotId}, ${meetings.lastSlotId})`))
      .leftJoin(meetingTables, eq(meetingTables.id, meetings.tableId))
      .where(
        and(
          eq(meetings.eventId, eventId),
          few && delegateIds.length > 0 ? or(inArray(meetingRequests.fromDelegateId, delegateIds), inArray(meetingRequests.toDelegateId, delegateIds)) : undefined,
        ),
      )
      .orderBy(asc(timeSlots.startsAt), asc(meetings.id))
  ).filter((r) => wanted.has(r.from) || wanted.has(r.to));
  const otherIds = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
  const found =
    otherIds.length === 0
      ? []
      : await db
          .select({ id: delegates.id, firstName: delegates.firstName, lastName: delegates.lastName, jobTitle: delegates.jobTitle, organisation: organisations.name, country: organisations.country })
          .from(delegates)
          .innerJoin(organisations, eq(organisations.id, delegates.organisationId))
          .where(few ? inArray(delegates.id, otherIds) : eq(delegates.eventId, eventId));
  const people = new Map<string, AgendaMeeting['other']>(
    found.map((p) => [p.id, { name: `${p.firstName} ${p.lastName}`, jobTitle: p.jobTitle, organisation: p.organisation, country: p.country }]),
  );
  const meetingsOf = new Map<string, AgendaMeeting[]>(delegateIds.map((id) => [id, []]));
  for (const r of rows) {
    for (const [self, counterpart] of [
      [r.from, r.to],
      [r.to, r.from],
    ] as const) {
      const list = meetingsOf.get(self);
      const person = people.get(counterpart);
      if (!list || !person) continue;
      list.push({
        id: r.id,
        cancelled: r.status === 'cancelled' || r.placed === null,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        tableName: r.tableName,
        virtualLink: r.virtualLink,
        updatedAt: r.updatedAt,
        revision: r.revision,
        other: person,
      });
    }
  }
  const agendaUrl = `${publicUrl}/events/${event.id}/agenda`;
  return new Map([...meetingsOf].map(([id, list]) => [id, calendarFile(`${event.name}: meetings`, meetingEntries(event, list, agendaUrl))]));
}

async function agendaFor(db: Executor, delegateId: string, publicUrl: string): Promise<string> {
  const [delegate] = await db.select({ eventId: delegates.eventId }).from(delegates).where(eq(delegates.id, delegateId));
  if (!delegate) throw notFound('Delegate');
  return (await agendaFiles(db, delegate.eventId, [delegateId], publicUrl)).get(delegateId)!;
}

/** The signed-in delegate's agenda, or (for the event's organisers) any delegate's. */
export async function agendaCalendar(db: Executor, actor: Actor, eventId: string, delegateId: string | null, publicUrl: string): Promise<string> {
  const access = await accessEvent(db, actor, eventId);
  const target = delegateId ?? access.delegate?.id;
  if (!target) throw new AppError('NOT_FOUND', 'you are not a delegate of this event; organisers name a delegate with ?delegateId=');
  authorize(actor, 'calendar.agenda', withRelations(access.relations, access.delegate?.id === target && 'self'));
  const [delegate] = await db.select({ id: delegates.id }).from(delegates).where(and(eq(delegates.id, target), eq(delegates.eventId, eventId)));
  if (!delegate) throw notFound('Delegate');
  return agendaFor(db, target, publicUrl);
}

export interface FeedAddress {
  url: string;
  /** The same address for calendar programs that subscribe on a click (webcal:). */
  webcalUrl: string;
}

const feedAddress = (publicUrl: string, token: string): FeedAddress => {
  const url = `${publicUrl}/api/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
};

/**
 * Makes a new secret feed address for the delegate's own agenda. Only its hash is kept, so the
 * address is shown once; asking again replaces it and the old address stops working.
 */
export async function renewCalendarFeed(db: Executor, actor: Actor, eventId: string, publicUrl: string): Promise<FeedAddress> {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'calendar.subscribe', withRelations(access.relations, access.delegate && 'self'));
  const token = newToken('cal');
  await db
    .insert(calendarFeeds)
    .values({ delegateId: access.delegate!.id, tokenHash: hashToken(token) })
    .onConflictDoUpdate({ target: calendarFeeds.delegateId, set: { tokenHash: hashToken(token), createdAt: new Date() } });
  return feedAddress(publicUrl, token);
}

export async function revokeCalendarFeed(db: Executor, actor: Actor, eventId: string): Promise<void> {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'calendar.subscribe', withRelations(access.relations, access.delegate && 'self'));
  await db.delete(calendarFeeds).where(eq(calendarFeeds.delegateId, access.delegate!.id));
}

/** The feed behind a secret address; whoever holds the address reads the agenda, nothing else. */
export async function calendarFeed(db: Executor, actor: Actor, token: string, publicUrl: string): Promise<string> {
  const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hashToken(token)));
  const relations: Set<Relation> = withRelations(baseRelations(actor), feed && 'feedHolder');
  if (!feed) throw notFound('Calendar feed');
  authorize(actor, 'calendar.feed', relations);
  return agendaFor(db, feed.delegateId, publicUrl);
}
