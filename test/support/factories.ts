import crypto from 'node:crypto';
import { eventOrganisers, events, organisations, delegates } from '../../src/storage/schema';
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
