import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { AppError, notFound } from '../domain/errors';
import { parseCountry } from '../domain/countries';
import type { PartnershipType, SizeBand } from '../domain/organisation';
import { checkProfile, normaliseHsCode } from '../domain/profile-rules';
import type { Database, Executor } from '../storage/db';
import { delegates, marketplaceItems, organisations } from '../storage/schema';
import { knownCodes } from '../reference/known-codes';
import type { Actor } from './actor';
import { accessEvent, authorize, withRelations } from './access';
import { recordAudit } from './events';
import { ReadCache } from './read-cache';

export type OrganisationRow = typeof organisations.$inferSelect;

export interface OrganisationFilter {
  q?: string;
  country?: string;
  stage?: string;
  partnershipType?: string;
  isic?: string;
  hs?: string;
  limit?: number;
  offset?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listOrganisations(db: Executor, actor: Actor, eventId: string, filter: OrganisationFilter = {}) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'organisation.read', access.relations);
  const conditions: SQL[] = [eq(organisations.eventId, eventId)];
  if (filter.country) conditions.push(eq(organisations.country, parseCountry(filter.country) ?? filter.country.toUpperCase()));
  if (filter.stage) conditions.push(sql`${filter.stage} = any(${organisations.stages})`);
  if (filter.partnershipType) conditions.push(sql`${filter.partnershipType} = any(${organisations.partnershipTypes})`);
  if (filter.isic) conditions.push(sql`exists (select 1 from unnest(${organisations.isicCodes}) c where c like ${`${escapeLike(filter.isic)}%`})`);
  if (filter.hs) {
    const hs = `${escapeLike(normaliseHsCode(filter.hs))}%`;
    conditions.push(sql`exists (select 1 from unnest(${organisations.hsCodes} || ${organisations.requestHsCodes}) c where c like ${hs})`);
  }
  if (filter.q?.trim()) {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    conditions.push(
      or(
        ilike(organisations.name, pattern),
        ilike(organisations.description, pattern),
        ilike(organisations.city, pattern),
        sql`exists (select 1 from ${marketplaceItems} i where i.organisation_id = ${organisations.id} and (i.title ilike ${pattern} or i.text ilike ${pattern}))`,
      )!,
    );
  }
  const where = and(...conditions);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const offset = Math.max(filter.offset ?? 0, 0);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(organisations).where(where).orderBy(asc(organisations.name), asc(organisations.id)).limit(limit).offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return { total, limit, offset, items: rows };
}

type PageItem = Pick<typeof marketplaceItems.$inferSelect, 'id' | 'kind' | 'title' | 'text' | 'partnershipTypes' | 'hsCodes' | 'isicCodes' | 'source'>;
type OrganisationPage = OrganisationRow & { items: PageItem[]; delegates: { id: string; firstName: string; lastName: string; jobTitle: string; language: string }[] };

/** Organisation pages are the most read thing at an event; each is cached for two seconds. */
const pageCache = new ReadCache<OrganisationPage>(2_000);
const eventOfOrganisation = new ReadCache<string>(60 * 60_000);

export function forgetOrganisationPage(organisationId?: string): void {
  if (organisationId) pageCache.deletePrefix(`${organisationId}|`);
  else pageCache.clear();
}

export async function getOrganisation(db: Executor, actor: Actor, organisationId: string): Promise<OrganisationPage> {
  // An organisation never moves to another event, so which event it belongs to can be remembered.
  const eventId = await eventOfOrganisation.getOrLoad(organisationId, async () => {
    const [row] = await db.select({ eventId: organisations.eventId }).from(organisations).where(eq(organisations.id, organisationId));
    if (!row) throw notFound('Organisation');
    return row.eventId;
  });
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'organisation.read', access.relations);
  const withPeople = access.relations.has('eventDelegate') || access.relations.has('eventOrganiser');
  return pageCache.getOrLoad(`${organisationId}|${withPeople}`, () => loadOrganisationPage(db, organisationId, withPeople));
}

/** The profile, its offers and requests and (for participants) its people, in one round trip. */
async function loadOrganisationPage(db: Executor, organisationId: string, withPeople: boolean): Promise<OrganisationPage> {
  const [row] = await db
    .select({
      organisation: organisations,
      items: sql<OrganisationPage['items']>`coalesce((
        select json_agg(json_build_object('id', i.id, 'kind', i.kind, 'title', i.title, 'text', i.text,
          'partnershipTypes', i.partnership_types, 'hsCodes', i.hs_codes, 'isicCodes', i.isic_codes, 'source', i.source)
          order by i.created_at, i.id)
        from marketplace_items i where i.organisation_id = "organisations"."id"), '[]'::json)`,
      // Names and roles only: e-mail addresses are never part of a public profile.
      delegates: withPeople
        ? sql<OrganisationPage['delegates']>`coalesce((
            select json_agg(json_build_object('id', d.id, 'firstName', d.first_name, 'lastName', d.last_name,
              'jobTitle', d.job_title, 'language', d.language) order by d.last_name, d.id)
            from delegates d where d.organisation_id = "organisations"."id"), '[]'::json)`
        : sql<OrganisationPage['delegates']>`'[]'::json`,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw notFound('Organisation');
  return { ...row.organisation, items: row.items, delegates: row.delegates };
}

export interface ProfileUpdate {
  name?: string;
  country?: string;
  city?: string;
  isicCodes?: string[];
  hsCodes?: string[];
  requestHsCodes?: string[];
  stages?: string[];
  sizeBand?: SizeBand;
  website?: string | null;
  description?: string;
  languages?: string[];
  partnershipTypes?: PartnershipType[];
}

export function validateProfileUpdate(input: ProfileUpdate): ProfileUpdate {
  const normalised: ProfileUpdate = {
    ...input,
    ...(input.hsCodes ? { hsCodes: input.hsCodes.map(normaliseHsCode) } : {}),
    ...(input.requestHsCodes ? { requestHsCodes: input.requestHsCodes.map(normaliseHsCode) } : {}),
  };
  const [problem] = checkProfile(normalised, knownCodes());
  if (problem) throw new AppError('VALIDATION', `${problem.field}: ${problem.message}`, problem.field);
  if (normalised.country) normalised.country = parseCountry(normalised.country)!;
  return normalised;
}

/** Loads an organisation and checks the actor may change it (a member of it, or an organiser). */
export async function accessOrganisationForWrite(db: Executor, actor: Actor, organisationId: string, action: 'organisation.update' | 'item.write') {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw notFound('Organisation');
  const access = await accessEvent(db, actor, organisation.eventId);
  authorize(actor, action, withRelations(access.relations, access.delegate?.organisationId === organisation.id && 'organisationMember'));
  return { organisation, access };
}

export async function updateOrganisation(db: Database, actor: Actor, organisationId: string, input: ProfileUpdate) {
  const updated = await db.transaction(async (tx) => {
    const { organisation, access } = await accessOrganisationForWrite(tx, actor, organisationId, 'organisation.update');
    const values = validateProfileUpdate(input);
    const [updated] = await tx
      .update(organisations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(organisations.id, organisationId))
      .returning();
    forgetOrganisationPage(organisationId);
    if (access.relations.has('eventOrganiser') && access.delegate?.organisationId !== organisationId) {
      await recordAudit(tx, actor, organisation.eventId, 'organisation.updated', { organisationId, fields: Object.keys(input) });
    }
    return updated!;
  });
  forgetOrganisationPage(organisationId);
  return updated;
}
