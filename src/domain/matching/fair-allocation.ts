/**
 * Fair allocation of suggestions: every organisation gets up to k partners, but no organisation
 * is suggested to far more organisations than it can meet. Solved exactly as an assignment over
 * each organisation's best candidates (min-cost-flow.ts): first as many good suggestions as
 * possible, then the highest total score.
 */
import { scoreCandidates } from './candidates';
import type { MatchIndex } from './match-index';
import { giniCoefficient } from './metrics';
import { solveAssignment } from './min-cost-flow';
import type { AssignmentArc } from './min-cost-flow';
import { toRecommendation } from './recommend';
import type { Recommendation } from './recommend';

export interface FairAllocationOptions {
  /** Suggestions per organisation. */
  k: number;
  /**
   * Meetings an organisation can hold at the event (its delegates × bookable slots). Default 8:
   * the 2025 conference held ~3,000 meetings among ~900 enterprises, about 7 each (FACTS.md [57]).
   */
  meetingCapacity?: number | ((organisationId: string) => number);
  /** How many times its meeting capacity an organisation may be suggested (default 2). */
  exposureFactor?: number;
  /** Candidates considered per organisation (default 4k): the assignment's sparsity. */
  candidatesPerOrganisation?: number;
  /** Suggestions scoring below this are not given at all (default GOOD_SUGGESTION_SCORE). */
  minScore?: number;
  /** Also compute reasons for every suggestion (default false; scorePair gives them on demand). */
  withReasons?: boolean;
}

export interface Suggestion {
  organisationId: string;
  score: number;
  reasons?: Recommendation['reasons'];
}

export interface FairAllocation {
  suggestions: Map<string, Suggestion[]>;
  /** How many organisations each organisation is suggested to. */
  exposure: Map<string, number>;
  /** Exposure cap each organisation was given. */
  exposureCap: Map<string, number>;
  /** Share of organisations given at least k suggestions. */
  coverage: number;
  exposureGini: number;
}

const DEFAULT_MEETING_CAPACITY = 8;
/** Below this a suggestion rests on a trace of one common word: not worth a delegate's time. */
export const GOOD_SUGGESTION_SCORE = 0.02;

export function allocateFairly(index: MatchIndex, options: FairAllocationOptions): FairAllocation {
  const k = options.k;
  const perOrganisation = options.candidatesPerOrganisation ?? 4 * k;
  const factor = options.exposureFactor ?? 2;
  const minScore = options.minScore ?? GOOD_SUGGESTION_SCORE;
  const capacityOf =
    typeof options.meetingCapacity === 'function'
      ? options.meetingCapacity
      : () => (options.meetingCapacity as number | undefined) ?? DEFAULT_MEETING_CAPACITY;

  const entries = index.organisations.filter((e) => e !== undefined);
  const position = new Map(entries.map((e, i) => [e.slot, i]));
  const arcs: AssignmentArc[] = [];
  const wants: number[] = [];
  for (const [i, you] of entries.entries()) {
    const candidates = scoreCandidates(index, you, { limit: perOrganisation, minScore });
    for (const c of candidates) arcs.push({ requester: i, partner: position.get(c.slot) ?? 0, weight: c.score });
    wants.push(Math.min(k, candidates.length));
  }
  const caps = entries.map((e) => Math.max(0, Math.floor(capacityOf(e.organisation.id) * factor)));
  const chosen = solveAssignment({ wants, capacity: caps, arcs });

  const suggestions = new Map<string, Suggestion[]>();
  const exposure = new Map<string, number>(entries.map((e) => [e.organisation.id, 0]));
  let covered = 0;
  for (const [i, you] of entries.entries()) {
    const picked = (chosen[i] ?? [])
      .map((a) => arcs[a])
      .filter((a): a is AssignmentArc => a !== undefined)
      .sort((a, b) => b.weight - a.weight || a.partner - b.partner);
    const list: Suggestion[] = picked.map((a) => {
      const them = entries[a.partner];
      if (!them) throw new Error('Assignment names an unknown partner');
      exposure.set(them.organisation.id, (exposure.get(them.organisation.id) ?? 0) + 1);
      if (!options.withReasons) return { organisationId: them.organisation.id, score: a.weight };
      const r = toRecommendation(index, you, { slot: them.slot, score: a.weight });
      return { organisationId: r.organisationId, score: r.score, reasons: r.reasons };
    });
    if (list.length >= k) covered += 1;
    suggestions.set(you.organisation.id, list);
  }
  return {
    suggestions,
    exposure,
    exposureCap: new Map(entries.map((e, i) => [e.organisation.id, caps[i] ?? 0])),
    coverage: entries.length ? covered / entries.length : 0,
    exposureGini: giniCoefficient([...exposure.values()]),
  };
}
