import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { AppError, notFound, validation } from '../domain/errors';
import { isEmail, isUiLanguage } from '../domain/profile-rules';
import type { UiLanguage } from '../domain/organisation';
import type { Database, Executor } from '../storage/db';
import { isUniqueViolation, constraintName } from '../storage/errors';
import { delegates, organisations, users } from '../storage/schema';
import type { Actor } from './actor';
import { accessEvent, authorize, forgetEventAccess, withRelations } from './access';
import type { DelegateRow } from './access';
import { createUser, findUserByEmail } from './auth/users';
import { recordAudit } from './events';
import { forgetOrganisationPage, validateProfileUpdate } from './organisations';
import type { ProfileUpdate } from './organisations';

export interface DelegateInput {
  firstName: string;
  lastName: string;
  jobTitle?: string;
  email: string;
  language?: UiLanguage;
  externalId?: string | null;
}

function checkDelegate(input: Partial<DelegateInput>): void {
  if (input.firstName !== undefined && !input.firstName.trim()) throw validation('firstName', 'is required');
  if (input.lastName !== undefined && !input.lastName.trim()) throw validation('lastName', 'is required');
  if (input.email !== undefined && !isEmail(input.email)) throw validation('email', `"${input.email}" is not an e-mail address`);
  if (input.language !== undefined && !isUiLanguage(input.language)) throw validation('language', 'must be en, ur or zh');
  for (const field of ['firstName', 'lastName', 'jobTitle'] as const) {
    if ((input[field]?.length ?? 0) > 200) throw validation(field, 'is longer than 200 characters');
  }
}

function delegateConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    const constraint = constraintName(error) ?? '';
    if (constraint.includes('email')) throw new AppError('CONFLICT', 'a delegate with this e-mail is already registered for the event', 'email');
    if (constraint.includes('external')) throw new AppError('CONFLICT', 'a delegate with this external id already exists', 'externalId');
    if (constraint.includes('user')) throw new AppError('CONFLICT', 'this account is already registered for the event', 'email');
  }
  throw error;
}

/** Links a delegate to a user account with the same e-mail, creating the account if needed. */
async function accountFor(db: Executor, input: DelegateInput): Promise<string> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) return existing.id;
  const user = await createUser(db, { email: input.email, name: `${input.firstName} ${input.lastName}`, role: 'delegate', language: input.language ?? 'en' });
  return user.id;
}

export interface Registration {
  password: string;
  delegate: DelegateInput;
  organisation: ProfileUpdate & { name: string; country: string };
}

/**
 * Self-registration: a new account, a new organisation and its first delegate, all or nothing.
 * Colleagues of an existing organisation are added by that organisation's delegates or the organiser.
 */
export async function registerDelegate(db: Database, eventId: string, input: Registration) {
  checkDelegate(input.delegate);
  const profile = validateProfileUpdate(input.organisation);
  const registered = await db.transaction(async (tx) => {
    const access = await accessEvent(tx, { kind: 'anonymous' }, eventId);
    if (await findUserByEmail(tx, input.delegate.email)) {
      throw new AppError('CONFLICT', 'an account with this e-mail exists; sign in instead', 'email');
    }
    const user = await createUser(tx, {
      email: input.delegate.email,
      name: `${input.delegate.firstName} ${input.delegate.lastName}`,
      role: 'delegate',
      password: input.password,
      language: input.delegate.language ?? 'en',
    });
    const [organisation] = await tx
      .insert(organisations)
      .values({ ...profile, name: profile.name!, country: profile.country!, eventId: access.event.id })
      .returning();
    try {
      const [delegate] = await tx
        .insert(delegates)
        .values({ ...input.delegate, eventId, organisationId: organisation!.id, userId: user.id })
        .returning();
      return { user, organisation: organisation!, delegate: delegate! };
    } catch (error) {
      delegateConflict(error);
    }
  });
  forgetEventAccess(eventId);
  return registered;
}

/** The organiser, or a colleague in the same organisation, adds a delegate. */
export async function createDelegate(db: Database, actor: Actor, organisationId: string, input: DelegateInput) {
  checkDelegate(input);
  const created = await db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) throw notFound('Organisation');
    const access = await accessEvent(tx, actor, organisation.eventId);
    authorize(actor, 'delegate.create', withRelations(access.relations, access.delegate?.organisationId === organisationId && 'organisationMember'));
    try {
      const userId = await accountFor(tx, input);
      const [delegate] = await tx
        .insert(delegates)
        .values({ ...input, eventId: organisation.eventId, organisationId, userId })
        .returning();
      await recordAudit(tx, actor, organisation.eventId, 'delegate.created', { delegateId: delegate!.id });
      return delegate!;
    } catch (error) {
      delegateConflict(error);
    }
  });
  forgetEventAccess(created.eventId);
  forgetOrganisationPage(organisationId);
  return created;
}

async function delegateWithAccess(db: Executor, actor: Actor, delegateId: string) {
  const [delegate] = await db.select().from(delegates).where(eq(delegates.id, delegateId));
  if (!delegate) throw notFound('Delegate');
  const access = await accessEvent(db, actor, delegate.eventId);
  const relations = withRelations(access.relations, access.delegate?.id === delegate.id && 'self');
  return { delegate, relations, access };
}

export function publicDelegate(d: DelegateRow) {
  return { id: d.id, organisationId: d.organisationId, firstName: d.firstName, lastName: d.lastName, jobTitle: d.jobTitle, language: d.language };
}

export function privateDelegate(d: DelegateRow) {
  return { ...publicDelegate(d), eventId: d.eventId, email: d.email, externalId: d.externalId, userId: d.userId, createdAt: d.createdAt, updatedAt: d.updatedAt };
}

export async function getDelegate(db: Executor, actor: Actor, delegateId: string) {
  const { delegate, relations } = await delegateWithAccess(db, actor, delegateId);
  if (relations.has('self') || relations.has('eventOrganiser')) return privateDelegate(delegate);
  authorize(actor, 'delegate.readPublic', relations);
  return publicDelegate(delegate);
}

export async function updateDelegate(db: Database, actor: Actor, delegateId: string, input: Partial<DelegateInput>) {
  checkDelegate(input);
  const updated = await db.transaction(async (tx) => {
    const { delegate, relations } = await delegateWithAccess(tx, actor, delegateId);
    authorize(actor, 'delegate.update', relations);
    if (input.externalId !== undefined && !relations.has('eventOrganiser')) throw validation('externalId', 'only the organiser sets external ids');
    try {
      const [updated] = await tx.update(delegates).set({ ...input, updatedAt: new Date() }).where(eq(delegates.id, delegateId)).returning();
      if (input.language && delegate.userId) await tx.update(users).set({ language: input.language }).where(eq(users.id, delegate.userId));
      if (!relations.has('self')) await recordAudit(tx, actor, delegate.eventId, 'delegate.updated', { delegateId, fields: Object.keys(input) });
      return privateDelegate(updated!);
    } catch (error) {
      delegateConflict(error);
    }
  });
  forgetEventAccess(updated.eventId);
  forgetOrganisationPage(updated.organisationId);
  return updated;
}

export interface DelegateFilter {
  /** Part of a first or last name or an e-mail address. */
  q?: string;
  organisationId?: string;
  limit?: number;
  offset?: number;
}

export async function listDelegates(db: Executor, actor: Actor, eventId: string, filter: DelegateFilter = {}) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'delegate.list', access.relations);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  const offset = Math.max(filter.offset ?? 0, 0);
  const conditions: SQL[] = [eq(delegates.eventId, eventId)];
  if (filter.organisationId) conditions.push(eq(delegates.organisationId, filter.organisationId));
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(delegates.firstName, pattern), ilike(delegates.lastName, pattern), ilike(delegates.email, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ delegate: delegates, organisationName: organisations.name, country: organisations.country })
      .from(delegates)
      .innerJoin(organisations, eq(organisations.id, delegates.organisationId))
      .where(where)
      .orderBy(asc(delegates.lastName), asc(delegates.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(delegates).where(where),
  ]);
  return { total, limit, offset, items: rows.map((r) => ({ ...privateDelegate(r.delegate), organisationName: r.organisationName, country: r.country })) };
}

/** The signed-in user's delegate records across events (for "my events"). */
export async function myDelegates(db: Executor, actor: Actor) {
  if (actor.kind !== 'user') return [];
  const rows = await db.select().from(delegates).where(and(eq(delegates.userId, actor.userId)));
  return rows.map(privateDelegate);
}
