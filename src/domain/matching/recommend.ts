/**
 * Partner suggestions for one organisation, with reasons, and the score of any single pair.
 */
import { scoreCandidates } from './candidates';
import type { ScoredCandidate } from './candidates';
import { explainPair } from './explain';
import type { PairExplanation } from './explain';
import { entryOf } from './match-index';
import type { IndexedOrganisation, MatchIndex } from './match-index';
import type { MatchReason } from './reasons';
import type { PairFeatures } from './scoring';

export interface Recommendation {
  organisationId: string;
  /** Two-sided score in 0..1; the same number whichever side asks. */
  score: number;
  reasons: MatchReason[];
  features: PairFeatures;
}

export interface RecommendOptions {
  /** Also suggest organisations already sent or sending a request (default false). */
  includeContacted?: boolean;
  /** Leave out partners scoring below this (default 0). */
  minScore?: number;
}

export function toRecommendation(index: MatchIndex, you: IndexedOrganisation, candidate: ScoredCandidate): Recommendation {
  const them = index.organisations[candidate.slot];
  if (!them) throw new Error(`Slot ${candidate.slot} is empty`);
  const { reasons, features } = explainPair(index, you, them);
  return { organisationId: them.organisation.id, score: candidate.score, reasons, features };
}

/** The k best partners for an organisation, best first, each with its reasons. */
export function recommend(index: MatchIndex, organisationId: string, k = 10, options: RecommendOptions = {}): Recommendation[] {
  const you = entryOf(index, organisationId);
  return scoreCandidates(index, you, { limit: k, ...options }).map((c) => toRecommendation(index, you, c));
}

/** Score, features and reasons of one pair, told from `yourId`'s side. */
export function scorePair(index: MatchIndex, yourId: string, theirId: string): PairExplanation {
  return explainPair(index, entryOf(index, yourId), entryOf(index, theirId));
}

/** Each organisation's best `perOrganisation` candidates (slot-indexed), the input to fair allocation. */
export function candidateLists(index: MatchIndex, perOrganisation: number, options: RecommendOptions = {}): Map<number, ScoredCandidate[]> {
  const lists = new Map<number, ScoredCandidate[]>();
  for (const entry of index.organisations) {
    if (!entry) continue;
    lists.set(entry.slot, scoreCandidates(index, entry, { limit: perOrganisation, ...options }));
  }
  return lists;
}
