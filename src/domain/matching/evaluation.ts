/**
 * Evaluation of Corridor's suggestions against known good partner pairs, next to the two
 * baselines, on the same organisations and the same pairing rule.
 */
import type { OrganisationWithItems } from '../organisation';
import { tagBaseline, textBaseline } from './baselines';
import type { RankedPartner } from './baselines';
import { allocateFairly, GOOD_SUGGESTION_SCORE } from './fair-allocation';
import type { FairAllocationOptions } from './fair-allocation';
import { buildMatchIndex } from './match-index';
import type { MatchOptions } from './match-index';
import { exposureCounts, giniCoefficient, rankingQuality } from './metrics';
import { candidateLists } from './recommend';
import { PAKISTAN_CHINA_ONLY } from './scoring';

export interface GoodPair {
  a: string;
  b: string;
  reason?: string;
}

export interface MethodResult {
  method: string;
  precision: number;
  recall: number;
  ndcg: number;
  /** Share of organisations with at least k suggestions. */
  coverage: number;
  exposureGini: number;
  /** Wall time to rank every organisation, when a clock was given. */
  seconds: number | null;
}

export interface EvaluationResult {
  k: number;
  organisations: number;
  /** Organisations with at least one known good partner (the averages are over these). */
  evaluated: number;
  /** Pairs naming an organisation that is not in the file. */
  unknownPairs: GoodPair[];
  methods: MethodResult[];
}

export interface EvaluationOptions extends MatchOptions {
  k: number;
  /** A monotonic clock in milliseconds (e.g. performance.now); domain code reads no clock itself. */
  now?: () => number;
  allocation?: Omit<FairAllocationOptions, 'k'>;
}

/** Good pairs are undirected: each side's relevant set holds the other. */
export function relevantPartners(pairs: readonly GoodPair[], known: ReadonlySet<string>): { relevant: Map<string, Set<string>>; unknown: GoodPair[] } {
  const relevant = new Map<string, Set<string>>();
  const unknown: GoodPair[] = [];
  for (const p of pairs) {
    if (!known.has(p.a) || !known.has(p.b) || p.a === p.b) {
      unknown.push(p);
      continue;
    }
    for (const [x, y] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      let set = relevant.get(x);
      if (!set) relevant.set(x, (set = new Set()));
      set.add(y);
    }
  }
  return { relevant, unknown };
}

function summarise(
  method: string,
  lists: Map<string, string[]>,
  everyone: string[],
  relevant: Map<string, Set<string>>,
  k: number,
  seconds: number | null,
  coverage?: number,
): MethodResult {
  const quality = rankingQuality(lists, relevant, k);
  const covered = everyone.filter((id) => (lists.get(id)?.length ?? 0) >= k).length;
  return {
    method,
    precision: quality.precision,
    recall: quality.recall,
    ndcg: quality.ndcg,
    coverage: coverage ?? (everyone.length ? covered / everyone.length : 0),
    exposureGini: giniCoefficient(exposureCounts(lists, everyone)),
    seconds,
  };
}

function idsOf(ranked: Map<string, RankedPartner[]>): Map<string, string[]> {
  return new Map([...ranked].map(([id, list]) => [id, list.map((r) => r.organisationId)]));
}

export function evaluateMatching(
  organisations: readonly OrganisationWithItems[],
  pairs: readonly GoodPair[],
  options: EvaluationOptions,
): EvaluationResult {
  const { k, now } = options;
  const pairing = options.pairing ?? PAKISTAN_CHINA_ONLY;
  const everyone = organisations.map((o) => o.id);
  const { relevant, unknown } = relevantPartners(pairs, new Set(everyone));
  const timed = <T>(run: () => T): [T, number | null] => {
    const start = now?.();
    const value = run();
    const end = now?.();
    return [value, start === undefined || end === undefined ? null : (end - start) / 1000];
  };

  const [fair, fairSeconds] = timed(() => {
    const index = buildMatchIndex(organisations, options);
    const allocation = allocateFairly(index, { ...options.allocation, k });
    return allocation;
  });
  const fairLists = new Map([...fair.suggestions].map(([id, list]) => [id, list.map((s) => s.organisationId)]));

  const [ranked, rankedSeconds] = timed(() => {
    const index = buildMatchIndex(organisations, options);
    const lists = candidateLists(index, k, { minScore: options.allocation?.minScore ?? GOOD_SUGGESTION_SCORE });
    return new Map(
      [...lists].map(([slot, list]) => [
        index.organisations[slot]?.organisation.id ?? '',
        list.map((c) => index.organisations[c.slot]?.organisation.id ?? ''),
      ]),
    );
  });
  const [tags, tagSeconds] = timed(() => tagBaseline(organisations, pairing).rankAll(k));
  const [text, textSeconds] = timed(() => textBaseline(organisations, pairing).rankAll(k));

  return {
    k,
    organisations: organisations.length,
    evaluated: [...relevant.values()].filter((s) => s.size > 0).length,
    unknownPairs: unknown,
    methods: [
      summarise('Corridor (fair allocation)', fairLists, everyone, relevant, k, fairSeconds, fair.coverage),
      summarise('Corridor (top-k, no exposure cap)', ranked, everyone, relevant, k, rankedSeconds),
      summarise('Baseline: shared tags (Jaccard)', idsOf(tags), everyone, relevant, k, tagSeconds),
      summarise('Baseline: text only (BM25)', idsOf(text), everyone, relevant, k, textSeconds),
    ],
  };
}
