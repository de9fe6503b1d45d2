import crypto from 'node:crypto';
import { delegates, eventOrganisers, events, meetingRequests, meetingTables, meetings, organisations, timeSlots } from '../../src/storage/schema';
import type { Database } from '../../src/storage/db';
import type { Actor } from '../../src/services/actor';
import { createUser } from '../../src/services/auth/users';
import { startSession } from '../../src/services/auth/sessions';

/** Factories build fresh records per test, so no test depends on another's data. */
const unique = () => crypto.randomBytes(5).toString('hex');

export interface Person {
  userId: string;
  email: string;
  token: string;
  csrfToken: string;
  actor: Actor;
}

export async function buildUser(db: Database, role: 'organiser' | 'delegate' = 'delegate', overrides: { email?: string; name?: string } = {}): Promise<Person> {
  const user = await createUser(db, { email: overrides.email ?? `${role}-${unique()}@test.example`, name: overrides.name ?? `Test ${role}`, role });
  const session = await startSession(db, user);
  return {
    userId: user.id,
    email: user.email,
    token: session.token,
    csrfToken: session.csrfToken,
    actor: { kind: 'user', userId: user.id, role: user.role, email: user.email, name: user.name, via: 'session' },
  };
}

export async function buildEvent(db: Database, overrides: Partial<typeof events.$inferInsert> = {}) {
  const organiser = await buildUser(db, 'organiser');
  const [event] = await db
    .insert(events)
    .values({ slug: `event-${unique()}`, name: 'Test Forum', timeZone: 'Asia/Karachi', days: ['2026-03-10'], crossBorderOnly: true, countries: ['PK', 'CN'], ...overrides })
    .returning();
  await db.insert(eventOrganisers).values({ eventId: event!.id, userId: organiser.userId });
  return { event: event!, organiser };
}

export async function buildOrganisation(db: Database, eventId: string, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const [organisation] = await db
    .insert(organisations)
    .values({ eventId, name: `Org ${unique()}`, country: 'PK', city: 'Lahore', externalId: `ORG-${unique()}`, ...overrides })
    .returning();
  return organisation!;
}

export async function buildDelegate(db: Database, eventId: string, organisationOverrides: Partial<typeof organisations.$inferInsert> = {}) {
  const organisation = await buildOrganisation(db, eventId, organisationOverrides);
  const person = await buildUser(db, 'delegate');
  const [delegate] = await db
    .insert(delegates)
    .values({ eventId, organisationId: organisation.id, userId: person.userId, firstName: 'Test', lastName: `Delegate ${unique()}`, email: person.email })
    .returning();
  return { ...person, organisation, delegate: delegate! };
}

/** An accepted meeting between two delegates, as if one requested it and the other accepted. */
export async function buildAcceptedMeeting(db: Database, eventId: string, fromDelegateId: string, toDelegateId: string, respondedAt = new Date()) {
  const [request] = await db
    .insert(meetingRequests)
    .values({ eventId, fromDelegateId, toDelegateId, status: 'accepted', respondedAt })
    .returning();
  const [meeting] = await db.insert(meetings).values({ eventId, requestId: request!.id }).returning();
  return { request: request!, meeting: meeting! };
}

/** Meeting slots from 09:00 event time, 20 minutes each; `breakAt` indexes become breaks. */
export async function buildSlots(db: Database, eventId: string, count: number, breakAt: number[] = []) {
  const start = Date.parse('2026-03-10T04:00:00Z');
  return db
    .insert(timeSlots)
    .values(
      Array.from({ length: count }, (_, i) => ({
        eventId,
        startsAt: new Date(start + i * 20 * 60_000),
        endsAt: new Date(start + (i + 1) * 20 * 60_000),
        session: i < count / 2 ? 'morning' : 'afternoon',
        isBreak: breakAt.includes(i),
      })),
    )
    .returning();
}

export async function buildTables(db: Database, eventId: string, count: number) {
  return db
    .insert(meetingTables)
    .values(Array.from({ length: count }, (_, i) => ({ eventId, name: `Table ${String(i + 1).padStart(3, '0')}` })))
    .returning();
}
