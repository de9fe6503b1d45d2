import { asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, validation } from '../../domain/errors';
import { allocateFairly, recommend, renderReason } from '../../domain/matching';
import type { UiLanguage } from '../../domain/organisation';
import type { Database } from '../../storage/db';
import { delegates, organisations } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize } from '../access';
import { matchIndexFor } from './match-cache';

export interface RecommendationQuery {
  k?: number;
  lang?: UiLanguage;
  /** Organisers may ask on behalf of any organisation of their event. */
  organisationId?: string;
}

/** Partner suggestions for the asking delegate's organisation, each with its reasons in their language. */
export async function getRecommendations(db: Database, actor: Actor, eventId: string, query: RecommendationQuery = {}) {
  const access = await accessEvent(db, actor, eventId);
  const k = query.k ?? 10;
  if (!Number.isInteger(k) || k < 1 || k > 50) throw validation('k', 'must be a whole number from 1 to 50');
  let organisationId = access.delegate?.organisationId;
  if (query.organisationId && query.organisationId !== organisationId) {
    authorize(actor, 'event.update', access.relations);
    organisationId = query.organisationId;
  }
  if (!organisationId) {
    authorize(actor, 'meeting.listOwn', access.relations);
    throw new AppError('VALIDATION', 'give organisationId: you are not a delegate of this event', 'organisationId');
  }
  const index = await matchIndexFor(db, access.event);
  if (!index.slotOf.has(organisationId)) throw new AppError('NOT_FOUND', 'Organisation not found in this event', 'organisationId');
  const lang: UiLanguage = query.lang ?? ((access.delegate?.language as UiLanguage | undefined) ?? 'en');
  const found = recommend(index, organisationId, k);
  const ids = found.map((r) => r.organisationId);
  const [orgs, people] = ids.length
    ? await Promise.all([
        db.select({ id: organisations.id, name: organisations.name, country: organisations.country, city: organisations.city, stages: organisations.stages, website: organisations.website }).from(organisations).where(inArray(organisations.id, ids)),
        db.select({ id: delegates.id, organisationId: delegates.organisationId, firstName: delegates.firstName, lastName: delegates.lastName, jobTitle: delegates.jobTitle }).from(delegates).where(inArray(delegates.organisationId, ids)).orderBy(asc(delegates.lastName)),
      ])
    : [[], []];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return found.map((r) => ({
    organisation: orgById.get(r.organisationId)!,
    score: Math.round(r.score * 1000) / 1000,
    reasons: r.reasons.map((reason) => ({ ...reason, text: renderReason(reason, lang) })),
    delegates: people.filter((p) => p.organisationId === r.organisationId).map(({ organisationId: _, ...p }) => p),
  }));
}

/** The organiser's view of fairness: top-k for everyone under exposure caps. */
export async function getAllocation(db: Database, actor: Actor, eventId: string, k = 10) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.update', access.relations);
  const index = await matchIndexFor(db, access.event);
  const capacity = access.event.maxMeetingsPerDelegate ?? 12;
  const [counts] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(eq(organisations.eventId, eventId));
  const allocation = allocateFairly(index, { k, meetingCapacity: capacity });
  const exposure = [...allocation.exposure].sort((a, b) => b[1] - a[1]);
  const names = new Map((await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.eventId, eventId))).map((o) => [o.id, o.name]));
  return {
    organisations: Number(counts?.n ?? 0),
    k,
    coverage: allocation.coverage,
    exposureGini: allocation.exposureGini,
    mostExposed: exposure.slice(0, 20).map(([id, n]) => ({ organisationId: id, name: names.get(id) ?? '', suggestedTo: n, cap: allocation.exposureCap.get(id) ?? null })),
    withoutSuggestions: [...allocation.suggestions].filter(([, list]) => list.length === 0).length,
  };
}
