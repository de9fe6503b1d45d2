import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { placesToFill } from '../../domain/training/programme-rules';
import type { Executor } from '../../storage/db';
import { programmeSessions, programmes, registrations } from '../../storage/schema';
import type { ProgrammeRow } from './access';
import { queuePlaceMail } from './notices';

/** Places and the queue of one programme. Callers that change them hold the programme's lock. */
export type SessionRow = typeof programmeSessions.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

export interface CountChange {
  confirmed?: number;
  waitlisted?: number;
  lastQueueNumber?: number;
}

/** Moves the programme's counts by `change` and returns the row as it now is. The caller holds the lock. */
export async function adjustCounts(tx: Executor, programmeId: string, change: CountChange): Promise<ProgrammeRow> {
  const [row] = await tx
    .update(programmes)
    .set({
      confirmedCount: sql`${programmes.confirmedCount} + ${change.confirmed ?? 0}`,
      waitlistedCount: sql`${programmes.waitlistedCount} + ${change.waitlisted ?? 0}`,
      ...(change.lastQueueNumber !== undefined ? { lastQueueNumber: change.lastQueueNumber } : {}),
    })
    .where(eq(programmes.id, programmeId))
    .returning();
  return row!;
}

export async function sessionsOf(db: Executor, programmeId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(programmeSessions)
    .where(eq(programmeSessions.programmeId, programmeId))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.id));
}

/** When the last session that is still held ends; null if every session was cancelled. */
export function programmeEnd(sessions: SessionRow[]): Date | null {
  const held = sessions.filter((s) => !s.cancelledAt);
  return held.length === 0 ? null : new Date(Math.max(...held.map((s) => s.endsAt.getTime())));
}

/** 1 for the first person in the queue. */
export async function waitlistPosition(db: Executor, registration: RegistrationRow): Promise<number> {
  const [row] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.programmeId, registration.programmeId),
        eq(registrations.status, 'waitlisted'),
        sql`${registrations.queueNumber} < ${registration.queueNumber}`,
      ),
    );
  return Number(row?.ahead ?? 0) + 1;
}

/**
 * Fills free places from the front of the waiting list and e-mails each person promoted, until
 * the last session ends. The caller holds the programme's lock and passes its current row.
 */
export async function promoteWaitlisted(tx: Executor, programme: ProgrammeRow, publicUrl: string, now: Date): Promise<{ programme: ProgrammeRow; promoted: RegistrationRow[] }> {
  const n = placesToFill(programme.capacity, programme.confirmedCount, programme.waitlistedCount);
  if (n === 0) return { programme, promoted: [] };
  const sessions = await sessionsOf(tx, programme.id);
  const end = programmeEnd(sessions);
  if (!end || end <= now) return { programme, promoted: [] };
  const first = tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.queueNumber))
    .limit(n);
  const promoted = await tx
    .update(registrations)
    .set({ status: 'confirmed', confirmedAt: now, revision: sql`${registrations.revision} + 1`, updatedAt: now })
    .where(inArray(registrations.id, first))
    .returning();
  const current = await adjustCounts(tx, programme.id, { confirmed: promoted.length, waitlisted: -promoted.length });
  promoted.sort((a, b) => a.queueNumber - b.queueNumber);
  for (const registration of promoted) await queuePlaceMail(tx, programme, sessions, registration, 'promoted', publicUrl);
  return { programme: current, promoted };
}
