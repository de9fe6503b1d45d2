import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound, validation } from '../../domain/errors';
import { isPresent, readAttendanceReport } from '../../domain/training/attendance-report';
import type { Database, Executor } from '../../storage/db';
import { programmeSessions, registrations, sessionAttendance } from '../../storage/schema';
import type { Actor } from '../actor';
import { authorize } from '../access';
import { recordAudit } from '../events';
import { accessProgramme } from './access';
import { sessionsOf } from './places';

/** Reads an uploaded report: UTF-8 or UTF-16 (Teams), comma, semicolon or tab separated. */
export function readReportTable(buffer: Buffer): string[][] {
  const text = buffer[0] === 0xff && buffer[1] === 0xfe ? buffer.subarray(2).toString('utf16le') : buffer.toString('utf8').replace(/^\uFEFF/, '');
  const sample = text.split(/\r?\n/).slice(0, 20).join('\n');
  const count = (c: string) => sample.split(c).length - 1;
  const delimiter = [',', ';', '\t'].sort((a, b) => count(b) - count(a))[0]!;
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new AppError('VALIDATION', `the file is not a readable CSV report (${(error as Error).message})`, 'file');
  }
}

async function sessionFor(tx: Executor, actor: Actor, reference: string, sessionId: string, now: Date) {
  const { programme, relations } = await accessProgramme(tx, actor, reference);
  authorize(actor, 'attendance.record', relations);
  const [session] = await tx
    .select()
    .from(programmeSessions)
    .where(and(eq(programmeSessions.id, sessionId), eq(programmeSessions.programmeId, programme.id)));
  if (!session) throw notFound('Session');
  if (session.cancelledAt) throw new AppError('CONFLICT', 'this session was cancelled');
  if (session.startsAt > now) throw new AppError('CONFLICT', 'attendance is recorded once the session has started');
  return { programme, session };
}

/**
 * Records a session's attendance from the webinar platform's report: people are matched to
 * confirmed registrations by e-mail, and present when they stayed for the programme's share of
 * the session. Importing the same report again gives the same result; addresses that match no
 * registration are listed, not refused.
 */
export async function importAttendance(db: Database, actor: Actor, reference: string, sessionId: string, table: string[][], now = new Date()) {
  const report = readAttendanceReport(table);
  return db.transaction(async (tx) => {
    const { programme, session } = await sessionFor(tx, actor, reference, sessionId, now);
    const emails = [...report.minutesByEmail.keys()];
    const matched = emails.length === 0 ? [] : await tx
      .select({ id: registrations.id, email: sql<string>`lower(${registrations.email})` })
      .from(registrations)
      .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'confirmed'), inArray(sql`lower(${registrations.email})`, emails)));
    const sessionMinutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
    const records = matched.map((m) => {
      const minutes = report.minutesByEmail.get(m.email)!;
      return { sessionId, registrationId: m.id, minutes: Math.round(minutes), present: isPresent(minutes, sessionMinutes, programme.attendanceThresholdPercent), source: 'import' as const, recordedAt: now };
    });
    for (let i = 0; i < records.length; i += 1000) {
      await tx
        .insert(sessionAttendance)
        .values(records.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [sessionAttendance.sessionId, sessionAttendance.registrationId],
          set: { present: sql`excluded.present`, minutes: sql`excluded.minutes`, source: sql`excluded.source`, recordedAt: sql`excluded.recorded_at` },
        });
    }
    const known = new Set(matched.map((m) => m.email));
    const unmatched = emails.filter((e) => !known.has(e));
    await recordAudit(tx, actor, programme.eventId, 'programme.attendance.imported', { programmeId: programme.id, sessionId, matched: records.length, unmatched: unmatched.length });
    return {
      rows: report.rows,
      people: emails.length,
      matched: records.length,
      present: records.filter((r) => r.present).length,
      belowThreshold: records.filter((r) => !r.present).length,
      unmatched: unmatched.slice(0, 200),
      unmatchedCount: unmatched.length,
    };
  });
}

export interface AttendanceMark {
  registrationId: string;
  present: boolean;
  minutes?: number | null;
}

/** Marks attendance by hand (a venue session, or a correction to an imported report). */
export async function markAttendance(db: Database, actor: Actor, reference: string, sessionId: string, marks: AttendanceMark[], now = new Date()) {
  return db.transaction(async (tx) => {
    const { programme } = await sessionFor(tx, actor, reference, sessionId, now);
    if (marks.length === 0) throw validation('marks', 'mark at least one person');
    const ids = [...new Set(marks.map((m) => m.registrationId))];
    const found = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'confirmed'), inArray(registrations.id, ids)));
    const known = new Set(found.map((f) => f.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) throw validation(`marks.${marks.findIndex((m) => m.registrationId === ids[missing])}.registrationId`, 'is not a confirmed registration of this programme');
    await tx
      .insert(sessionAttendance)
      .values(marks.map((m) => ({ sessionId, registrationId: m.registrationId, present: m.present, minutes: m.minutes ?? null, source: 'manual' as const, recordedAt: now })))
      .onConflictDoUpdate({
        target: [sessionAttendance.sessionId, sessionAttendance.registrationId],
        set: { present: sql`excluded.present`, minutes: sql`excluded.minutes`, source: sql`excluded.source`, recordedAt: sql`excluded.recorded_at` },
      });
    await recordAudit(tx, actor, programme.eventId, 'programme.attendance.marked', { programmeId: programme.id, sessionId, marked: marks.length });
    return { marked: marks.length };
  });
}

/** Who attended which session, per confirmed registrant. */
export async function listAttendance(db: Executor, actor: Actor, reference: string) {
  const { programme, relations } = await accessProgramme(db, actor, reference);
  authorize(actor, 'attendance.record', relations);
  const sessions = await sessionsOf(db, programme.id);
  const people = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'confirmed')))
    .orderBy(registrations.queueNumber);
  const records = sessions.length === 0 ? [] : await db.select().from(sessionAttendance).where(inArray(sessionAttendance.sessionId, sessions.map((s) => s.id)));
  const byPerson = new Map<string, typeof records>();
  for (const r of records) byPerson.set(r.registrationId, [...(byPerson.get(r.registrationId) ?? []), r]);
  return {
    sessions: sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, cancelled: s.cancelledAt !== null })),
    people: people.map((p) => ({
      registrationId: p.id,
      name: p.name,
      email: p.email,
      sessions: (byPerson.get(p.id) ?? []).map((r) => ({ sessionId: r.sessionId, present: r.present, minutes: r.minutes, source: r.source })),
    })),
  };
}
