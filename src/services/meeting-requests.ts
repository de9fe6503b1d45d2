import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { aliasedTable } from 'drizzle-orm';
import { AppError, notFound, validation } from '../domain/errors';
import { meetingReplyMail, meetingRequestedMail, render } from '../domain/mail/templates';
import type { ReplyKind } from '../domain/mail/templates';
import { checkAccept, checkCancel, checkDecline, checkNewRequest } from '../domain/meeting-rules';
import type { Counts, RequestRules } from '../domain/meeting-rules';
import type { Database, Executor } from '../storage/db';
import { isUniqueViolation } from '../storage/errors';
import { delegates, events, meetingRequests, meetings, organisations } from '../storage/schema';
import type { Actor } from './actor';
import { accessEvent, authorize, requireUser, withRelations } from './access';
import type { EventRow } from './access';
import { recordAudit } from './events';
import { enqueueMail } from './mail/enqueue';
import { ReadCache } from './read-cache';

export type MeetingRequestRow = typeof meetingRequests.$inferSelect;
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export const MAX_MESSAGE_LENGTH = 1000;

function rulesOf(event: EventRow): RequestRules {
  return {
    requestDeadline: event.requestDeadline,
    maxMeetingsPerDelegate: event.maxMeetingsPerDelegate,
    maxPendingRequestsPerDelegate: event.maxPendingRequestsPerDelegate,
    crossBorderOnly: event.crossBorderOnly,
    countries: event.countries,
  };
}

/** Locks the delegates' rows (in id order, so two transactions never wait on each other) and loads them. */
async function lockParties(tx: Tx, ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  const rows = await tx
    .select({ delegate: delegates, country: organisations.country, organisationName: organisations.name })
    .from(delegates)
    .innerJoin(organisations, eq(organisations.id, delegates.organisationId))
    .where(inArray(delegates.id, sorted))
    .orderBy(delegates.id)
    .for('update', { of: delegates });
  return new Map(rows.map((r) => [r.delegate.id, r]));
}

async function countsFor(db: Executor, delegateId: string): Promise<Counts> {
  const [row] = await db
    .select({
      pendingSent: sql<number>`count(*) filter (where ${meetingRequests.status} = 'pending' and ${meetingRequests.fromDelegateId} = ${delegateId})::int`,
      accepted: sql<number>`count(*) filter (where ${meetingRequests.status} = 'accepted')::int`,
    })
    .from(meetingRequests)
    .where(or(eq(meetingRequests.fromDelegateId, delegateId), eq(meetingRequests.toDelegateId, delegateId)));
  return { pendingSent: Number(row?.pendingSent ?? 0), accepted: Number(row?.accepted ?? 0) };
}

export interface NewRequest {
  toDelegateId: string;
  message?: string;
}

async function requestMeetingNow(db: Database, actor: Actor, eventId: string, input: NewRequest, publicUrl: string, now = new Date()) {
  const message = (input.message ?? '').trim();
  if (message.length > MAX_MESSAGE_LENGTH) throw validation('message', `is longer than ${MAX_MESSAGE_LENGTH} characters`);
  try {
    return await db.transaction(async (tx) => {
      const access = await accessEvent(tx, actor, eventId);
      authorize(actor, 'request.create', withRelations(access.relations, access.delegate && 'self'));
      const fromId = access.delegate!.id;
      const parties = await lockParties(tx, [fromId, input.toDelegateId]);
      const from = parties.get(fromId)!;
      const to = parties.get(input.toDelegateId);
      if (!to || to.delegate.eventId !== eventId) throw new AppError('NOT_FOUND', 'Delegate not found', 'toDelegateId');
      checkNewRequest(
        rulesOf(access.event),
        { delegateId: fromId, organisationId: from.delegate.organisationId, country: from.country },
        { delegateId: to.delegate.id, organisationId: to.delegate.organisationId, country: to.country },
        await countsFor(tx, fromId),
        now,
      );
      const [request] = await tx
        .insert(meetingRequests)
        .values({ eventId, fromDelegateId: fromId, toDelegateId: to.delegate.id, message, createdAt: now, updatedAt: now })
        .returning();
      await enqueueMail(
        tx,
        to.delegate.email,
        'meeting-requested',
        render(meetingRequestedMail, to.delegate.language, {
          name: to.delegate.firstName,
          from: `${from.delegate.firstName} ${from.delegate.lastName}`,
          organisation: from.organisationName,
          message,
          link: `${publicUrl}/events/${eventId}/inbox`,
        }),
      );
      return request!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'there is already a pending or accepted request between you and this delegate', 'toDelegateId');
    }
    throw error;
  }
}

async function requestForUpdate(tx: Tx, actor: Actor, requestId: string) {
  const [request] = await tx.select().from(meetingRequests).where(eq(meetingRequests.id, requestId)).for('update');
  if (!request) throw notFound('Meeting request');
  const access = await accessEvent(tx, actor, request.eventId);
  const mine = access.delegate?.id;
  // Both sides of a suggested meeting were asked by the organiser: each is a recipient.
  const suggested = request.kind === 'suggested';
  const relations = withRelations(
    access.relations,
    !suggested && mine === request.fromDelegateId && 'requestSender',
    (mine === request.toDelegateId || (suggested && mine === request.fromDelegateId)) && 'requestRecipient',
  );
  return { request, access, relations, mine };
}

async function notifyReply(tx: Tx, recipientId: string, otherId: string, reply: ReplyKind, eventId: string, publicUrl: string) {
  const parties = await tx
    .select({ delegate: delegates, organisationName: organisations.name })
    .from(delegates)
    .innerJoin(organisations, eq(organisations.id, delegates.organisationId))
    .where(inArray(delegates.id, [recipientId, otherId]));
  const recipient = parties.find((p) => p.delegate.id === recipientId);
  const other = parties.find((p) => p.delegate.id === otherId);
  if (!recipient || !other) return;
  await enqueueMail(
    tx,
    recipient.delegate.email,
    `meeting-${reply}`,
    render(meetingReplyMail, recipient.delegate.language, {
      name: recipient.delegate.firstName,
      other: `${other.delegate.firstName} ${other.delegate.lastName}`,
      organisation: other.organisationName,
      reply,
      link: `${publicUrl}/events/${eventId}/inbox`,
    }),
  );
}

async function acceptRequestNow(db: Database, actor: Actor, requestId: string, publicUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { request, access, relations, mine } = await requestForUpdate(tx, actor, requestId);
    authorize(actor, 'request.reply', relations);
    await lockParties(tx, [request.fromDelegateId, request.toDelegateId]);
    checkAccept(rulesOf(access.event), request.status, await countsFor(tx, request.fromDelegateId), await countsFor(tx, request.toDelegateId), now);
    if (request.kind === 'suggested') {
      const side = mine === request.fromDelegateId ? { fromResponse: 'accepted' as const } : { toResponse: 'accepted' as const };
      const responses = { fromResponse: request.fromResponse, toResponse: request.toResponse, ...side };
      if (responses.fromResponse !== 'accepted' || responses.toResponse !== 'accepted') {
        const [waiting] = await tx.update(meetingRequests).set({ ...side, updatedAt: now }).where(eq(meetingRequests.id, requestId)).returning();
        return waiting!;
      }
      const [updated] = await tx
        .update(meetingRequests)
        .set({ ...side, status: 'accepted', respondedAt: now, updatedAt: now })
        .where(eq(meetingRequests.id, requestId))
        .returning();
      await tx.insert(meetings).values({ eventId: request.eventId, requestId, status: 'scheduled' });
      await notifyReply(tx, request.fromDelegateId, request.toDelegateId, 'accepted', request.eventId, publicUrl);
      await notifyReply(tx, request.toDelegateId, request.fromDelegateId, 'accepted', request.eventId, publicUrl);
      return updated!;
    }
    const [updated] = await tx
      .update(meetingRequests)
      .set({ status: 'accepted', respondedAt: now, updatedAt: now })
      .where(eq(meetingRequests.id, requestId))
      .returning();
    await tx.insert(meetings).values({ eventId: request.eventId, requestId, status: 'scheduled' });
    await notifyReply(tx, request.fromDelegateId, request.toDelegateId, 'accepted', request.eventId, publicUrl);
    return updated!;
  });
}

async function declineRequestNow(db: Database, actor: Actor, requestId: string, publicUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { request, relations, mine } = await requestForUpdate(tx, actor, requestId);
    authorize(actor, 'request.reply', relations);
    checkDecline(request.status);
    const suggested = request.kind === 'suggested';
    const side = suggested ? (mine === request.fromDelegateId ? { fromResponse: 'declined' as const } : { toResponse: 'declined' as const }) : {};
    const [updated] = await tx
      .update(meetingRequests)
      .set({ ...side, status: 'declined', respondedAt: now, updatedAt: now })
      .where(eq(meetingRequests.id, requestId))
      .returning();
    // A suggestion one side turns down is simply withdrawn from the other; a request's sender is told.
    if (!suggested) await notifyReply(tx, request.fromDelegateId, request.toDelegateId, 'declined', request.eventId, publicUrl);
    return updated!;
  });
}

/** Either side may cancel a pending or accepted request; the organiser may cancel any. */
async function cancelRequestNow(db: Database, actor: Actor, requestId: string, publicUrl: string, now = new Date()) {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const { request, relations, access } = await requestForUpdate(tx, actor, requestId);
    authorize(actor, 'request.cancel', relations);
    // A recipient turns down a pending request by declining it; cancelling is for what they accepted.
    if (request.status === 'pending' && relations.has('requestRecipient') && !relations.has('requestSender')) {
      throw new AppError('CONFLICT', 'decline this request instead of cancelling it');
    }
    checkCancel(request.status);
    const [updated] = await tx
      .update(meetingRequests)
      .set({ status: 'cancelled', cancelledAt: now, cancelledBy: user.userId, updatedAt: now })
      .where(eq(meetingRequests.id, requestId))
      .returning();
    await tx.update(meetings).set({ status: 'cancelled', revision: sql`${meetings.revision} + 1`, updatedAt: now }).where(eq(meetings.requestId, requestId));
    const byDelegate = access.delegate?.id;
    const notify = [request.fromDelegateId, request.toDelegateId].filter((id) => id !== byDelegate);
    for (const recipient of notify) {
      const other = recipient === request.fromDelegateId ? request.toDelegateId : request.fromDelegateId;
      await notifyReply(tx, recipient, other, 'cancelled', request.eventId, publicUrl);
    }
    if (!byDelegate || (byDelegate !== request.fromDelegateId && byDelegate !== request.toDelegateId)) {
      await recordAudit(tx, actor, request.eventId, 'request.cancelled', { requestId });
    }
    return updated!;
  });
}

/**
 * Request lists are read on every inbox refresh; each is cached for two seconds and every write
 * to the event's requests on this server drops the event's lists.
 */
const listCache = new ReadCache<Awaited<ReturnType<typeof loadRequests>>>(2_000);

export function forgetRequestLists(eventId: string): void {
  listCache.deletePrefix(`${eventId}|`);
}

function forgettingLists<A extends unknown[], R extends { eventId: string }>(write: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const result = await write(...args);
    forgetRequestLists(result.eventId);
    return result;
  };
}

export const requestMeeting = forgettingLists(requestMeetingNow);
export const acceptRequest = forgettingLists(acceptRequestNow);
export const declineRequest = forgettingLists(declineRequestNow);
export const cancelRequest = forgettingLists(cancelRequestNow);

const fromDelegate = aliasedTable(delegates, 'from_delegate');
const toDelegate = aliasedTable(delegates, 'to_delegate');
const fromOrganisation = aliasedTable(organisations, 'from_organisation');
const toOrganisation = aliasedTable(organisations, 'to_organisation');

export interface RequestFilter {
  box?: 'incoming' | 'outgoing' | 'all';
  status?: MeetingRequestRow['status'];
  limit?: number;
  offset?: number;
}

/** A delegate sees the requests they sent or received; the organiser sees every request of the event. */
export async function listRequests(db: Executor, actor: Actor, eventId: string, filter: RequestFilter = {}) {
  const access = await accessEvent(db, actor, eventId);
  const everything = access.relations.has('eventOrganiser');
  if (!everything) authorize(actor, 'meeting.listOwn', access.relations);
  const mine = access.delegate?.id ?? '00000000-0000-0000-0000-000000000000';
  const box = filter.box ?? 'all';
  const conditions = [eq(meetingRequests.eventId, eventId)];
  if (!everything || box !== 'all') {
    if (box === 'incoming') {
      conditions.push(or(eq(meetingRequests.toDelegateId, mine), and(eq(meetingRequests.kind, 'suggested'), eq(meetingRequests.fromDelegateId, mine)))!);
    } else if (box === 'outgoing') conditions.push(and(eq(meetingRequests.fromDelegateId, mine), eq(meetingRequests.kind, 'request'))!);
    else conditions.push(or(eq(meetingRequests.fromDelegateId, mine), eq(meetingRequests.toDelegateId, mine))!);
  }
  if (filter.status) conditions.push(eq(meetingRequests.status, filter.status));
  const limit = Math.min(Math.max(filter.limit ?? 200, 1), 1000);
  const offset = Math.max(filter.offset ?? 0, 0);
  const key = `${eventId}|${everything ? 'all' : mine}|${box}|${filter.status ?? ''}|${limit}|${offset}`;
  return listCache.getOrLoad(key, () => loadRequests(db, conditions, limit, offset));
}

async function loadRequests(db: Executor, conditions: SQL[], limit: number, offset: number) {
  const rows = await db
    .select({
      request: meetingRequests,
      from: { id: fromDelegate.id, firstName: fromDelegate.firstName, lastName: fromDelegate.lastName, jobTitle: fromDelegate.jobTitle, organisationId: fromDelegate.organisationId, organisationName: fromOrganisation.name, country: fromOrganisation.country },
      to: { id: toDelegate.id, firstName: toDelegate.firstName, lastName: toDelegate.lastName, jobTitle: toDelegate.jobTitle, organisationId: toDelegate.organisationId, organisationName: toOrganisation.name, country: toOrganisation.country },
    })
    .from(meetingRequests)
    .innerJoin(fromDelegate, eq(fromDelegate.id, meetingRequests.fromDelegateId))
    .innerJoin(toDelegate, eq(toDelegate.id, meetingRequests.toDelegateId))
    .innerJoin(fromOrganisation, eq(fromOrganisation.id, fromDelegate.organisationId))
    .innerJoin(toOrganisation, eq(toOrganisation.id, toDelegate.organisationId))
    .where(and(...conditions))
    .orderBy(desc(meetingRequests.createdAt), desc(meetingRequests.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r.request, from: r.from, to: r.to }));
}

export async function getRequest(db: Database, actor: Actor, requestId: string) {
  return db.transaction(async (tx) => {
    const { request, relations } = await requestForUpdate(tx, actor, requestId);
    authorize(actor, 'request.read', relations);
    return request;
  });
}

export async function eventRules(db: Executor, eventId: string): Promise<RequestRules> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('Event');
  return rulesOf(event);
}
