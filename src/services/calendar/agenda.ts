import { aliasedTable, and, asc, eq, isNotNull, or } from 'drizzle-orm';
import { meetingEntries } from '../../domain/calendar/agenda';
import { calendarFile } from '../../domain/calendar/ics';
import { AppError, notFound } from '../../domain/errors';
import type { Relation } from '../../domain/permissions';
import type { Executor } from '../../storage/db';
import { calendarFeeds, delegates, events, meetingRequests, meetingTables, meetings, organisations, timeSlots } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize, baseRelations, withRelations } from '../access';
import { hashToken, newToken } from '../auth/secrets';

/**
 * A delegate's meeting agenda as an iCalendar file, downloaded while signed in or subscribed to
 * through a secret feed address. Both are built from the database on every request, so they
 * follow each published schedule; moved meetings keep their UID and carry a higher SEQUENCE.
 */
const other = aliasedTable(delegates, 'other_party');
const otherOrg = aliasedTable(organisations, 'other_org');

async function agendaFor(db: Executor, delegateId: string, publicUrl: string): Promise<string> {
  const [row] = await db.select({ delegate: delegates, event: events }).from(delegates).innerJoin(events, eq(events.id, delegates.eventId)).where(eq(delegates.id, delegateId));
  if (!row) throw notFound('Delegate');
  const { event } = row;
  const rows = await db
    .select({ meeting: meetings, slot: timeSlots, table: meetingTables, other, otherOrg })
    .from(meetings)
    .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
    .innerJoin(timeSlots, eq(timeSlots.id, meetings.slotId))
    .leftJoin(meetingTables, eq(meetingTables.id, meetings.tableId))
    .innerJoin(
      other,
      or(
        and(eq(meetingRequests.fromDelegateId, delegateId), eq(other.id, meetingRequests.toDelegateId)),
        and(eq(meetingRequests.toDelegateId, delegateId), eq(other.id, meetingRequests.fromDelegateId)),
      ),
    )
    .innerJoin(otherOrg, eq(otherOrg.id, other.organisationId))
    .where(and(eq(meetings.eventId, event.id), isNotNull(meetings.slotId)))
    .orderBy(asc(timeSlots.startsAt));
  const entries = meetingEntries(
    event,
    rows.map((r) => ({
      id: r.meeting.id,
      cancelled: r.meeting.status === 'cancelled',
      startsAt: r.slot.startsAt,
      endsAt: r.slot.endsAt,
      tableName: r.table?.name ?? null,
      virtualLink: r.table?.virtualLink ?? null,
      updatedAt: r.meeting.updatedAt,
      other: { name: `${r.other.firstName} ${r.other.lastName}`, jobTitle: r.other.jobTitle, organisation: r.otherOrg.name, country: r.otherOrg.country },
    })),
    `${publicUrl}/events/${event.id}/agenda`,
  );
  return calendarFile(`${event.name}: meetings`, entries);
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
