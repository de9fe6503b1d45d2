import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../domain/errors';
import type { SessionChange } from '../../domain/mail/templates';
import { planSession } from '../../domain/training/programme-rules';
import type { SessionInput } from '../../domain/training/programme-rules';
import type { Database, Executor } from '../../storage/db';
import { programmeSessions, registrations } from '../../storage/schema';
import type { Actor } from '../actor';
import { authorize } from '../access';
import { recordAudit } from '../events';
import { accessProgramme } from './access';
import type { ProgrammeRow } from './access';
import { queueSessionChangeMail } from './notices';
import { sessionsOf } from './places';
import type { SessionRow } from './places';
import { programmeView } from './programmes';

/**
 * Adding, moving and cancelling sessions. Each change holds the programme's lock (so a person
 * registering at that moment gets either the old or the new times, consistently) and e-mails
 * every confirmed registrant an updated calendar file; subscribed calendars follow by themselves.
 */
async function notifyConfirmed(tx: Executor, programme: ProgrammeRow, changed: SessionRow, what: SessionChange, publicUrl: string) {
  const sessions = await sessionsOf(tx, programme.id);
  const people = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'confirmed')));
  for (const person of people) await queueSessionChangeMail(tx, programme, sessions, changed, person, what, publicUrl);
  return people.length;
}

export async function addSession(db: Database, actor: Actor, reference: string, input: SessionInput, publicUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { programme, relations } = await accessProgramme(tx, actor, reference, { lock: true });
    authorize(actor, 'programme.update', relations);
    const planned = planSession(input, programme.timeZone, 'session');
    const [session] = await tx.insert(programmeSessions).values({ ...planned, programmeId: programme.id, createdAt: now, updatedAt: now }).returning();
    const notified = await notifyConfirmed(tx, programme, session!, 'added', publicUrl);
    await recordAudit(tx, actor, programme.eventId, 'programme.session.added', { programmeId: programme.id, sessionId: session!.id, notified });
    return programmeView(tx, programme, relations, now);
  });
}

async function lockedSession(tx: Executor, actor: Actor, reference: string, sessionId: string) {
  const access = await accessProgramme(tx, actor, reference, { lock: true });
  authorize(actor, 'programme.update', access.relations);
  const [session] = await tx
    .select()
    .from(programmeSessions)
    .where(and(eq(programmeSessions.id, sessionId), eq(programmeSessions.programmeId, access.programme.id)));
  if (!session) throw notFound('Session');
  return { ...access, session };
}

export async function updateSession(db: Database, actor: Actor, reference: string, sessionId: string, input: Partial<SessionInput>, publicUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { programme, relations, session } = await lockedSession(tx, actor, reference, sessionId);
    if (session.cancelledAt) throw new AppError('CONFLICT', 'this session is cancelled');
    if (session.endsAt <= now) throw new AppError('CONFLICT', 'this session is over');
    const planned = planSession(
      {
        title: input.title ?? session.title,
        startsAt: input.startsAt ?? session.startsAt.toISOString(),
        endsAt: input.endsAt ?? session.endsAt.toISOString(),
        timeZone: input.timeZone ?? session.timeZone,
        webinarUrl: input.webinarUrl === undefined ? session.webinarUrl : input.webinarUrl,
        venue: input.venue === undefined ? session.venue : input.venue,
      },
      programme.timeZone,
      'session',
    );
    const [updated] = await tx.update(programmeSessions).set({ ...planned, revision: sql`${programmeSessions.revision} + 1`, updatedAt: now }).where(eq(programmeSessions.id, session.id)).returning();
    const notified = await notifyConfirmed(tx, programme, updated!, 'changed', publicUrl);
    await recordAudit(tx, actor, programme.eventId, 'programme.session.changed', { programmeId: programme.id, sessionId, notified });
    return programmeView(tx, programme, relations, now);
  });
}

export async function cancelSession(db: Database, actor: Actor, reference: string, sessionId: string, publicUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { programme, relations, session } = await lockedSession(tx, actor, reference, sessionId);
    if (session.cancelledAt) return programmeView(tx, programme, relations, now);
    if (session.endsAt <= now) throw new AppError('CONFLICT', 'this session is over');
    const [updated] = await tx.update(programmeSessions).set({ cancelledAt: now, revision: sql`${programmeSessions.revision} + 1`, updatedAt: now }).where(eq(programmeSessions.id, session.id)).returning();
    const notified = await notifyConfirmed(tx, programme, updated!, 'cancelled', publicUrl);
    await recordAudit(tx, actor, programme.eventId, 'programme.session.cancelled', { programmeId: programme.id, sessionId, notified });
    return programmeView(tx, programme, relations, now);
  });
}
