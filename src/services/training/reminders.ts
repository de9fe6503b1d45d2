import { and, eq, sql } from 'drizzle-orm';
import { render, trainingReminderMail } from '../../domain/mail/templates';
import { MAX_REMINDER_MINUTES } from '../../domain/training/programme-rules';
import { reminderToSend } from '../../domain/training/reminders';
import type { Database } from '../../storage/db';
import { rowsOf } from '../../storage/db';
import { programmeSessions, programmes, registrations, sessionReminders } from '../../storage/schema';
import { enqueueMail } from '../mail/enqueue';
import { links, sessionsForMail } from './notices';

interface DueSession {
  id: string;
}

/**
 * Queues the reminders that are due at `now` for every upcoming session. Each session is handled
 * in its own transaction under the session's row lock, and every reminder is recorded next to
 * the e-mail it queues, so two servers running this at once, or a restart, never send one twice.
 * Returns how many reminders were queued.
 */
export async function queueDueReminders(db: Database, publicUrl: string, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const due = rowsOf<DueSession>(
    await db.execute(sql`
      select s.id from programme_sessions s join programmes p on p.id = s.programme_id
      where s.cancelled_at is null and p.published
        and s.starts_at > ${at}::timestamptz
        and s.starts_at <= ${at}::timestamptz + make_interval(mins => ${MAX_REMINDER_MINUTES})
        and s.starts_at - make_interval(mins => (select coalesce(max(o), 0) from unnest(p.reminder_offsets_minutes) o)) <= ${at}::timestamptz`),
  );
  let queued = 0;
  for (const { id } of due) queued += await remindSession(db, id, publicUrl, now);
  return queued;
}

async function remindSession(db: Database, sessionId: string, publicUrl: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ session: programmeSessions, programme: programmes })
      .from(programmeSessions)
      .innerJoin(programmes, eq(programmes.id, programmeSessions.programmeId))
      .where(eq(programmeSessions.id, sessionId))
      .for('update', { of: programmeSessions });
    if (!row || row.session.cancelledAt) return 0;
    const { session, programme } = row;
    const people = await tx
      .select({
        registration: registrations,
        sent: sql<number[]>`coalesce((select array_agg(r.offset_minutes) from session_reminders r where r.session_id = ${sessionId} and r.registration_id = registrations.id), '{}')`,
      })
      .from(registrations)
      .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'confirmed')));
    let queued = 0;
    for (const { registration, sent } of people) {
      const offset = reminderToSend(
        { offsetsMinutes: programme.reminderOffsetsMinutes, startsAt: session.startsAt, confirmedAt: registration.confirmedAt ?? registration.createdAt, sent: sent.map(Number) },
        now,
      );
      if (offset === null) continue;
      const [recorded] = await tx
        .insert(sessionReminders)
        .values({ sessionId, registrationId: registration.id, offsetMinutes: offset, queuedAt: now })
        .onConflictDoNothing()
        .returning();
      if (!recorded) continue;
      const content = render(trainingReminderMail, registration.language, {
        name: registration.name,
        programme: programme.title,
        offsetMinutes: offset,
        session: sessionsForMail([session], registration, true)[0]!,
        page: links.registrationPage(publicUrl, registration.token),
      });
      await enqueueMail(tx, registration.email, 'training-reminder', content);
      queued++;
    }
    return queued;
  });
}
