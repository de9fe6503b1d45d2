/**
 * The two ways commercial matchmaking platforms usually recommend, as baselines for Corridor:
 * shared tags (Jaccard over ISIC, HS and stage tags) and text similarity (BM25 over the whole
 * profile). Both obey the same event pairing rule, so the comparison is about the model alone.
 */
import type { OrganisationWithItems } from '../organisation';
import { mayMeet } from './scoring';
import type { PairingRule } from './scoring';
import { tokenise } from './text';

export interface RankedPartner {
  organisationId: string;
  score: number;
}

/** A baseline built over an event: rank one organisation's partners, or everyone's. */
export interface Baseline {
  rank(organisationId: string, k: number): RankedPartner[];
  rankAll(k: number): Map<string, RankedPartner[]>;
}

type Postings = Map<string, { docs: number[]; weights: number[] }>;

function addPosting(postings: Postings, term: string, doc: number, weight: number): void {
  let list = postings.get(term);
  if (!list) postings.set(term, (list = { docs: [], weights: [] }));
  list.docs.push(doc);
  list.weights.push(weight);
}

/**
 * Term-at-a-time scoring of every organisation sharing a query term, then the k best allowed
 * partners. `finish` turns the accumulated dot product into the baseline's score.
 */
function baseline(
  organisations: readonly OrganisationWithItems[],
  pairing: PairingRule,
  queryOf: (i: number) => Iterable<string>,
  postings: Postings,
  finish: (i: number, j: number, accumulated: number) => number,
): Baseline {
  const position = new Map(organisations.map((o, i) => [o.id, i]));
  const countries = organisations.map((o) => o.country.toUpperCase());
  const acc = new Float64Array(organisations.length);
  const rankAt = (i: number, k: number): RankedPartner[] => {
    const touched: number[] = [];
    for (const term of queryOf(i)) {
      const list = postings.get(term);
      if (!list) continue;
      for (let n = 0; n < list.docs.length; n += 1) {
        const j = list.docs[n] ?? 0;
        if (acc[j] === 0) touched.push(j);
        acc[j] = (acc[j] ?? 0) + (list.weights[n] ?? 0);
      }
    }
    const scored: RankedPartner[] = [];
    for (const j of touched) {
      const value = acc[j] ?? 0;
      acc[j] = 0;
      if (j === i || !mayMeet(pairing, countries[i] ?? '', countries[j] ?? '')) continue;
      const score = finish(i, j, value);
      if (score > 0) scored.push({ organisationId: organisations[j]?.id ?? '', score });
    }
    return scored.sort((a, b) => b.score - a.score || (position.get(a.organisationId) ?? 0) - (position.get(b.organisationId) ?? 0)).slice(0, k);
  };
  return {
    rank: (organisationId, k) => {
      const i = position.get(organisationId);
      return i === undefined ? [] : rankAt(i, k);
    },
    rankAll: (k) => new Map(organisations.map((o, i) => [o.id, rankAt(i, k)])),
  };
}

/** Tags a platform would let an organisation pick: its ISIC classes, HS codes and stages. */
export function organisationTags(o: OrganisationWithItems): Set<string> {
  const tags = new Set<string>();
  for (const c of o.isicCodes) tags.add(`isic:${c}`);
  for (const c of o.hsCodes) tags.add(`hs:${c}`);
  for (const item of o.items) for (const c of item.hsCodes) tags.add(`hs:${c}`);
  for (const s of o.stages) tags.add(`stage:${s}`);
  return tags;
}

/** Shared-tag baseline: the organisations whose tag sets overlap most (Jaccard). */
export function tagBaseline(organisations: readonly OrganisationWithItems[], pairing: PairingRule): Baseline {
  const tags = organisations.map(organisationTags);
  const postings: Postings = new Map();
  tags.forEach((set, i) => {
    for (const t of set) addPosting(postings, t, i, 1);
  });
  return baseline(organisations, pairing, (i) => tags[i] ?? [], postings, (i, j, shared) => shared / ((tags[i]?.size ?? 0) + (tags[j]?.size ?? 0) - shared));
}

function profileText(o: OrganisationWithItems): string {
  return [o.description, ...o.items.map((i) => (i.text && i.text !== i.title ? `${i.title} ${i.text}` : i.title))].join(' ');
}

/** Text baseline: BM25 (k1 1.2, b 0.75) with each organisation's whole profile as the query. */
export function textBaseline(organisations: readonly OrganisationWithItems[], pairing: PairingRule): Baseline {
  const k1 = 1.2;
  const b = 0.75;
  const docs = organisations.map((o) => tokenise(profileText(o)));
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const tf = docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const postings: Postings = new Map();
  tf.forEach((m, i) => {
    const norm = k1 * (1 - b + (b * (docs[i]?.length ?? 0)) / Math.max(avgLength, 1e-9));
    for (const [t, f] of m) {
      const d = df.get(t) ?? 0;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      addPosting(postings, t, i, (idf * f * (k1 + 1)) / (f + norm));
    }
  });
  return baseline(organisations, pairing, (i) => tf[i]?.keys() ?? [], postings, (_i, _j, s) => s);
}
