/**
 * How the features of a pair of organisations add up to one two-sided score, and the event
 * rules that decide which pairs may meet at all. Shared by the index (scoring thousands of
 * candidates at once) and by the pairwise explanation, so both give the same number.
 */
import { PARTNERSHIP_TYPES } from '../organisation';
import type { PartnershipType } from '../organisation';

/** Which organisations an event lets meet. */
export type PairingRule =
  | { kind: 'any' }
  | { kind: 'different_country' }
  /** Only pairs with one side in each group, e.g. Pakistani ↔ Chinese. */
  | { kind: 'between_groups'; groups: readonly [readonly string[], readonly string[]] };

export const PAKISTAN_CHINA_ONLY: PairingRule = { kind: 'between_groups', groups: [['PK'], ['CN']] };

export interface MatchWeights {
  /** Text relevance of one side's offers to the other's requests (cosine, 0..1). */
  text: number;
  /** HS code match between offers and requests (0..1). */
  codes: number;
  /** The requests name the other side's value-chain stage (0..1). */
  wantedStage: number;
  /** How much the less-served side adds to the two-sided score (0: a one-sided need is enough). */
  mutual: number;
  /** Value-chain closeness of the two organisations' stages (0..1). */
  valueChain: number;
  /** Closeness of stages two steps apart, relative to direct suppliers. */
  twoStep: number;
  /**
   * Closeness of two organisations at the same stage. Across a border these are the kit maker
   * and the local assembler, the licensor and the licensee, the brand and its OEM: partners, but
   * weaker evidence than a supplier–buyer edge.
   */
  sameStage: number;
  /** Score multiplier floor for pairs whose partnership types do not fit (fit adds the rest). */
  partnershipFloor: number;
  /** Strength of the stage preferences learnt from meeting requests already sent. */
  behaviour: number;
}

/**
 * Starting weights, chosen so that each kind of evidence alone can bring a pair into view but
 * only complementary evidence puts it on top: stated needs (text, codes, named stages) weigh
 * most because they are what the delegate asked for; value-chain closeness fills in when
 * profiles are thin. Tuned on the labelled set in reference/matching (see README.md).
 */
export const DEFAULT_WEIGHTS: MatchWeights = {
  text: 1,
  codes: 0.2,
  wantedStage: 0.1,
  mutual: 1,
  valueChain: 0.1,
  twoStep: 0,
  sameStage: 0.5,
  partnershipFloor: 0.5,
  behaviour: 0.3,
};

export interface PairFeatures {
  /** Text relevance: their offers to your requests (`toYou`) and yours to theirs (`toThem`). */
  textToYou: number;
  textToThem: number;
  codesToYou: number;
  codesToThem: number;
  /** You named their stage in your requests / they named yours. */
  wantedByYou: number;
  wantedByThem: number;
  valueChain: number;
  partnership: number;
  /** Learnt stage preference of both sides (0..1), 0 without behaviour signals. */
  behaviour: number;
}

/** One side's need met by the other, as the weighted sum of the three need signals. */
function need(w: MatchWeights, text: number, codes: number, wanted: number): number {
  return w.text * text + w.codes * codes + w.wantedStage * wanted;
}

/** The two-sided score in 0..1: the better-served side counts fully, the other by `mutual`. */
export function combineFeatures(w: MatchWeights, f: PairFeatures): number {
  const you = need(w, f.textToYou, f.codesToYou, f.wantedByYou);
  const them = need(w, f.textToThem, f.codesToThem, f.wantedByThem);
  const complementarity = Math.max(you, them) + w.mutual * Math.min(you, them);
  const best = (1 + w.mutual) * (w.text + w.codes + w.wantedStage) + w.valueChain;
  const base = (complementarity + w.valueChain * f.valueChain) / best;
  const fit = w.partnershipFloor + (1 - w.partnershipFloor) * f.partnership;
  return base * fit * (1 + w.behaviour * f.behaviour);
}

/**
 * How well two sets of partnership types fit. Supply meets distribution, a joint venture meets
 * investment or technology transfer, training meets technology transfer; identical wishes fit.
 * An organisation that states no types is open to any, so it fits halfway.
 */
const PARTNERSHIP_FIT: Record<PartnershipType, Partial<Record<PartnershipType, number>>> = {
  supply: { supply: 1, distribution: 1, joint_venture: 0.5 },
  distribution: { supply: 1, distribution: 0.8 },
  joint_venture: { joint_venture: 1, investment: 0.9, technology_transfer: 0.8, supply: 0.5 },
  technology_transfer: { technology_transfer: 1, joint_venture: 0.8, training: 0.8, investment: 0.5 },
  investment: { investment: 0.8, joint_venture: 0.9, technology_transfer: 0.5 },
  training: { training: 1, technology_transfer: 0.8 },
};

export function partnershipMask(types: readonly PartnershipType[]): number {
  let mask = 0;
  PARTNERSHIP_TYPES.forEach((t, i) => {
    if (types.includes(t)) mask |= 1 << i;
  });
  return mask;
}

function fitOfMasks(a: number, b: number): number {
  if (a === 0 || b === 0) return 0.5;
  let best = 0;
  PARTNERSHIP_TYPES.forEach((ta, i) => {
    if (!(a & (1 << i))) return;
    PARTNERSHIP_TYPES.forEach((tb, j) => {
      if (b & (1 << j)) best = Math.max(best, PARTNERSHIP_FIT[ta][tb] ?? PARTNERSHIP_FIT[tb][ta] ?? 0);
    });
  });
  return best;
}

const MASKS = 1 << PARTNERSHIP_TYPES.length;
const FIT_TABLE = new Float64Array(MASKS * MASKS);
for (let a = 0; a < MASKS; a += 1) for (let b = 0; b < MASKS; b += 1) FIT_TABLE[a * MASKS + b] = fitOfMasks(a, b);

export function partnershipFit(maskA: number, maskB: number): number {
  return FIT_TABLE[maskA * MASKS + maskB] ?? 0;
}

/** The partnership types of one side that fit some type of the other, for reasons. */
export function fittingTypes(a: readonly PartnershipType[], b: readonly PartnershipType[]): PartnershipType[] {
  return a.filter((ta) => b.some((tb) => (PARTNERSHIP_FIT[ta][tb] ?? PARTNERSHIP_FIT[tb][ta] ?? 0) >= 0.8));
}

/** Side of an organisation under a rule: -1 may not take part, 0/1 group, 2 any. */
export function sideUnderRule(rule: PairingRule, country: string): number {
  if (rule.kind !== 'between_groups') return 2;
  if (rule.groups[0].includes(country)) return 0;
  if (rule.groups[1].includes(country)) return 1;
  return -1;
}

export function mayMeet(rule: PairingRule, countryA: string, countryB: string): boolean {
  if (rule.kind === 'any') return true;
  if (rule.kind === 'different_country') return countryA !== countryB;
  const a = sideUnderRule(rule, countryA);
  const b = sideUnderRule(rule, countryB);
  return a >= 0 && b >= 0 && a !== b;
}

/**
 * Strength of an HS match between a requested and an offered code: the same subheading is a
 * full match; one code containing the other counts by how specific the broader one is;
 * neighbours in one heading (Li-ion 8507.60 and other accumulators 8507.80) half.
 */
export const HS_CONTAINS: Record<number, number> = { 2: 0.4, 4: 0.8, 6: 1 };
export const HS_SAME_HEADING = 0.5;

export function hsMatch(requested: string, offered: string): number {
  const shorter = Math.min(requested.length, offered.length);
  if (requested.slice(0, shorter) === offered.slice(0, shorter)) return HS_CONTAINS[shorter] ?? 0;
  if (requested.length >= 4 && offered.length >= 4 && requested.slice(0, 4) === offered.slice(0, 4)) return HS_SAME_HEADING;
  return 0;
}

/** The strongest requested–offered code match, each requested code counted at its weight. */
export function bestHsMatch(
  requested: readonly string[],
  offered: readonly string[],
  weights?: ReadonlyMap<string, number>,
): { strength: number; requested?: string; offered?: string } {
  let best: { strength: number; requested?: string; offered?: string } = { strength: 0 };
  for (const r of requested) {
    const weight = weights?.get(r) ?? 1;
    for (const o of offered) {
      const s = hsMatch(r, o) * weight;
      if (s > best.strength) best = { strength: s, requested: r, offered: o };
    }
  }
  return best;
}
