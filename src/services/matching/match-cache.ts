import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { aliasedTable } from 'drizzle-orm';
import { groupBy } from '../../domain/group-by';
import { buildMatchIndex, recordMeetingRequest, removeOrganisation, updateOrganisation } from '../../domain/matching';
import type { MatchIndex, PairingRule } from '../../domain/matching';
import type { ItemKind, OrganisationWithItems, PartnershipType, SizeBand } from '../../domain/organisation';
import type { Database, Executor } from '../../storage/db';
import { delegates, marketplaceItems, meetingRequests, organisations } from '../../storage/schema';
import type { EventRow } from '../access';

/**
 * The recommendation index of an event, derived from the database and kept in this process only
 * as a cache: each use first applies what changed since (organisations by `updated_at`, meeting
 * requests by `updated_at`), so an edited profile counts at once and any server can rebuild it.
 */
interface CachedIndex {
  index: MatchIndex;
  rulesKey: string;
  versions: Map<string, number>;
  requestsSeenUntil: Date;
}

const caches = new WeakMap<object, Map<string, CachedIndex>>();
const pending = new Map<string, Promise<MatchIndex>>();

export function pairingRule(event: EventRow): PairingRule {
  if (!event.crossBorderOnly) return { kind: 'any' };
  if (event.countries.length === 2) return { kind: 'between_groups', groups: [[event.countries[0]!], [event.countries[1]!]] };
  return { kind: 'different_country' };
}

export async function loadMatchOrganisations(db: Executor, eventId: string, ids?: string[]): Promise<OrganisationWithItems[]> {
  const where = ids ? and(eq(organisations.eventId, eventId), inArray(organisations.id, ids)) : eq(organisations.eventId, eventId);
  const orgs = await db.select().from(organisations).where(where).orderBy(asc(organisations.id));
  const items = await db
    .select()
    .from(marketplaceItems)
    .where(ids ? and(eq(marketplaceItems.eventId, eventId), inArray(marketplaceItems.organisationId, ids)) : eq(marketplaceItems.eventId, eventId));
  const byOrg = groupBy(items, (item) => item.organisationId);
  return orgs.map((o) => ({
    id: o.id,
    externalId: o.externalId,
    name: o.name,
    country: o.country,
    city: o.city,
    isicCodes: o.isicCodes,
    hsCodes: o.hsCodes,
    stages: o.stages,
    sizeBand: o.sizeBand as SizeBand,
    website: o.website,
    description: o.description,
    languages: o.languages,
    partnershipTypes: o.partnershipTypes as PartnershipType[],
    items: (byOrg.get(o.id) ?? []).map((i) => ({
      kind: i.kind as ItemKind,
      title: i.title,
      text: i.text,
      partnershipTypes: i.partnershipTypes as PartnershipType[],
      hsCodes: i.hsCodes,
      isicCodes: i.isicCodes,
    })),
  }));
}

const fromDelegate = aliasedTable(delegates, 'signal_from');
const toDelegate = aliasedTable(delegates, 'signal_to');

async function applyRequests(db: Executor, index: MatchIndex, eventId: string, since: Date): Promise<Date> {
  const rows = await db
    .select({ from: fromDelegate.organisationId, to: toDelegate.organisationId, status: meetingRequests.status, updatedAt: meetingRequests.updatedAt })
    .from(meetingRequests)
    .innerJoin(fromDelegate, eq(fromDelegate.id, meetingRequests.fromDelegateId))
    .innerJoin(toDelegate, eq(toDelegate.id, meetingRequests.toDelegateId))
    .where(and(eq(meetingRequests.eventId, eventId), gt(meetingRequests.updatedAt, since)))
    .orderBy(asc(meetingRequests.updatedAt));
  let latest = since;
  for (const row of rows) {
    if (row.status !== 'cancelled') recordMeetingRequest(index, { from: row.from, to: row.to, status: row.status });
    if (row.updatedAt > latest) latest = row.updatedAt;
  }
  return latest;
}

async function refresh(db: Database, event: EventRow): Promise<MatchIndex> {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  const rulesKey = JSON.stringify(pairingRule(event));
  const current = await db.select({ id: organisations.id, updatedAt: organisations.updatedAt }).from(organisations).where(eq(organisations.eventId, event.id));
  const versions = new Map(current.map((o) => [o.id, o.updatedAt.getTime()]));
  let cached = perDb.get(event.id);
  if (!cached || cached.rulesKey !== rulesKey) {
    const index = buildMatchIndex(await loadMatchOrganisations(db, event.id), { pairing: pairingRule(event) });
    cached = { index, rulesKey, versions, requestsSeenUntil: new Date(0) };
    perDb.set(event.id, cached);
  } else {
    const changed = [...versions].filter(([id, at]) => cached!.versions.get(id) !== at).map(([id]) => id);
    if (changed.length > 0) for (const org of await loadMatchOrganisations(db, event.id, changed)) updateOrganisation(cached.index, org);
    for (const id of cached.versions.keys()) if (!versions.has(id)) removeOrganisation(cached.index, id);
    cached.versions = versions;
  }
  cached.requestsSeenUntil = await applyRequests(db, cached.index, event.id, cached.requestsSeenUntil);
  return cached.index;
}

/** The event's index, brought up to date; concurrent callers share one refresh. */
export async function matchIndexFor(db: Database, event: EventRow): Promise<MatchIndex> {
  const key = event.id;
  const running = pending.get(key);
  if (running) await running.catch(() => {});
  const next = refresh(db, event).finally(() => pending.delete(key));
  pending.set(key, next);
  return next;
}
