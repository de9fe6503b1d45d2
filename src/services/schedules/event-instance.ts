import { and, asc, eq } from 'drizzle-orm';
import type { Assignment, Instance } from '../../domain/scheduling';
import type { Executor } from '../../storage/db';
import { events, meetingRequests, meetingTables, meetings, scheduleAssignments, schedules, timeSlots } from '../../storage/schema';

export type SlotRow = typeof timeSlots.$inferSelect;
export type TableRow = typeof meetingTables.$inferSelect;

/** An event's scheduling problem, with the maps back from the solver's numbers to database rows. */
export interface EventInstance {
  instance: Instance;
  /** Meeting slots in time order (breaks left out); solver slot s is `slots[s - 1]`. */
  slots: SlotRow[];
  tables: TableRow[];
  /** The published schedule as solver assignments, for re-plans. */
  published: { scheduleId: string; assignments: Assignment[] } | null;
}

export async function loadEventInstance(db: Executor, eventId: string): Promise<EventInstance> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new Error(`event ${eventId} not found`);
  const slots = (await db.select().from(timeSlots).where(eq(timeSlots.eventId, eventId)).orderBy(asc(timeSlots.startsAt))).filter((s) => !s.isBreak);
  const tables = await db.select().from(meetingTables).where(eq(meetingTables.eventId, eventId)).orderBy(asc(meetingTables.name));
  const accepted = await db
    .select({ id: meetings.id, a: meetingRequests.fromDelegateId, b: meetingRequests.toDelegateId, createdAt: meetingRequests.respondedAt })
    .from(meetings)
    .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
    .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled')))
    // First accepted first: the order first-come-first-served booking follows.
    .orderBy(asc(meetingRequests.respondedAt), asc(meetings.id));
  const participants = [...new Set(accepted.flatMap((m) => [m.a, m.b]))].map((id) => ({
    id,
    ...(event.maxMeetingsPerDelegate ? { maxMeetings: event.maxMeetingsPerDelegate } : {}),
  }));
  const morning = slots.filter((s) => s.session === 'morning').length;
  const instance: Instance = {
    slots: slots.length,
    tables: tables.length,
    ...(morning > 0 && morning < slots.length ? { morningSlots: morning } : {}),
    participants,
    meetings: accepted.map((m) => ({ id: m.id, a: m.a, b: m.b })),
  };

  const [current] = await db.select().from(schedules).where(and(eq(schedules.eventId, eventId), eq(schedules.status, 'published')));
  let published: EventInstance['published'] = null;
  if (current) {
    const slotIndex = new Map(slots.map((s, i) => [s.id, i + 1]));
    const tableIndex = new Map(tables.map((t, i) => [t.id, i + 1]));
    const live = new Set(accepted.map((m) => m.id));
    const rows = await db.select().from(scheduleAssignments).where(eq(scheduleAssignments.scheduleId, current.id));
    published = {
      scheduleId: current.id,
      assignments: rows
        .filter((r) => live.has(r.meetingId) && slotIndex.has(r.slotId))
        .map((r) => ({ meeting: r.meetingId, slot: slotIndex.get(r.slotId)!, table: (r.tableId && tableIndex.get(r.tableId)) || 1 })),
    };
  }
  return { instance, slots, tables, published };
}
