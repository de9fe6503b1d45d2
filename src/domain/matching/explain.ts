/**
 * The features and reasons of one pair, computed directly from the two profiles. Gives the
 * same score as the index (candidates.ts) and says which items, codes and stages produced it.
 */
import { behaviourOf, closenessOf, maySuggest } from './candidates';
import type { IndexedOrganisation, MatchIndex } from './match-index';
import type { ItemSummary } from './profile';
import { stagesNamedBy } from './lexicon';
import { conceptsOfTerms } from './profile';
import type { MatchReason } from './reasons';
import { bestHsMatch, combineFeatures, fittingTypes, hsMatch, partnershipFit } from './scoring';
import type { PairFeatures } from './scoring';
import { edgesFromTo, stageIdOf, VALUE_CHAIN_EDGES } from './value-chain-edges';
import type { ValueChainEdge } from './value-chain-edges';

export interface PairExplanation {
  /** False when the event rules or an earlier decline keep the pair apart (score is then 0). */
  allowed: boolean;
  score: number;
  features: PairFeatures;
  reasons: MatchReason[];
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

function bestWanted(wanted: Map<number, number>, stages: readonly number[]): number {
  let best = 0;
  for (const s of stages) best = Math.max(best, wanted.get(s) ?? 0);
  return best;
}

export function pairFeatures(index: MatchIndex, you: IndexedOrganisation, them: IndexedOrganisation): PairFeatures {
  return {
    textToYou: dot(you.demand, them.supply),
    textToThem: dot(them.demand, you.supply),
    codesToYou: bestHsMatch(you.terms.requestHs, them.terms.offerHs, you.terms.requestHsWeights).strength,
    codesToThem: bestHsMatch(them.terms.requestHs, you.terms.offerHs, them.terms.requestHsWeights).strength,
    wantedByYou: bestWanted(you.wanted, them.stages),
    wantedByThem: bestWanted(them.wanted, you.stages),
    valueChain: closenessOf(index, you.stages, them.stages),
    partnership: partnershipFit(you.partnershipMask, them.partnershipMask),
    behaviour: behaviourOf(index, you, them),
  };
}

function codesOf(item: ItemSummary): readonly string[] {
  return item.hsCodes.length ? item.hsCodes : item.impliedHsCodes;
}

/** The offer and request that best explain why one side meets the other's need. */
function bestItemPair(
  offers: readonly ItemSummary[],
  requests: readonly ItemSummary[],
  requesterWeights: Map<string, number>,
): { offer: ItemSummary; request: ItemSummary; hs?: string; strength: number } | undefined {
  let best: { offer: ItemSummary; request: ItemSummary; hs?: string; strength: number } | undefined;
  for (const request of requests) {
    for (const offer of offers) {
      let strength = 0;
      for (const term of request.terms) if (offer.terms.has(term)) strength += requesterWeights.get(term) ?? 0;
      const codes = bestHsMatch(codesOf(request), codesOf(offer));
      strength += 0.5 * codes.strength;
      if (strength > (best?.strength ?? 0)) {
        best = { offer, request, strength, ...(codes.offered && codes.strength >= 0.8 ? { hs: codes.offered } : {}) };
      }
    }
  }
  return best;
}

/**
 * The item that shows an organisation works at a stage: one whose words name the stage. Without
 * one the reason names the stage itself, rather than quoting an unrelated offer.
 */
function itemForStage(items: readonly ItemSummary[], stage: string): ItemSummary | undefined {
  return items.find((i) => stagesNamedBy(conceptsOfTerms(i.terms)).includes(stage));
}

/** A code the seller offers that flows along the edge, so the reason can cite it. */
function edgeCode(edge: ValueChainEdge, seller: IndexedOrganisation): string | undefined {
  return seller.terms.offerHs.find((code) => code.length >= 4 && edge.hs.some((h) => hsMatch(code, h) >= 0.8));
}

function valueChainReason(you: IndexedOrganisation, them: IndexedOrganisation): MatchReason | undefined {
  for (const t of them.stages.map(stageIdOf)) {
    for (const y of you.stages.map(stageIdOf)) {
      const toYou = edgesFromTo(t, y)[0];
      if (toYou) {
        const hs = edgeCode(toYou, them);
        const theirItem = itemForStage(them.terms.offers, t)?.title;
        const yourItem = itemForStage(you.terms.offers, y)?.title;
        return { kind: 'supplies', stageFrom: t, stageTo: y, ...(hs ? { hs } : {}), ...(theirItem ? { theirItem } : {}), ...(yourItem ? { yourItem } : {}) };
      }
      const toThem = edgesFromTo(y, t)[0];
      if (toThem) {
        const hs = edgeCode(toThem, you);
        const yourItem = itemForStage(you.terms.offers, y)?.title;
        const theirItem = itemForStage(them.terms.offers, t)?.title;
        return { kind: 'buys', stageFrom: y, stageTo: t, ...(hs ? { hs } : {}), ...(theirItem ? { theirItem } : {}), ...(yourItem ? { yourItem } : {}) };
      }
    }
  }
  for (const a of them.stages.map(stageIdOf)) {
    for (const b of you.stages.map(stageIdOf)) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const via = VALUE_CHAIN_EDGES.find((e) => e.from === from && edgesFromTo(e.to, to).length > 0)?.to;
        if (via) return { kind: 'same_chain', stageFrom: from, via, stageTo: to };
      }
    }
  }
  return undefined;
}

/** A text or code match worth telling: weaker ones are noise in a sentence. */
const TELLING_STRENGTH = 0.05;

export function explainPair(index: MatchIndex, you: IndexedOrganisation, them: IndexedOrganisation): PairExplanation {
  const features = pairFeatures(index, you, them);
  const allowed = maySuggest(index, you, them, true);
  const score = allowed ? combineFeatures(index.weights, features) : 0;
  const needReasons: { reason: MatchReason; strength: number }[] = [];
  if (features.textToYou > 0 || features.codesToYou > 0) {
    const m = bestItemPair(them.terms.offers, you.terms.requests, you.demand);
    if (m && m.strength >= TELLING_STRENGTH) {
      needReasons.push({
        strength: features.textToYou + features.codesToYou,
        reason: { kind: 'offers_what_you_asked', theirItem: m.offer.title, yourItem: m.request.title, ...(m.hs ? { hs: m.hs } : {}) },
      });
    }
  }
  if (features.textToThem > 0 || features.codesToThem > 0) {
    const m = bestItemPair(you.terms.offers, them.terms.requests, them.demand);
    if (m && m.strength >= TELLING_STRENGTH) {
      needReasons.push({
        strength: features.textToThem + features.codesToThem,
        reason: { kind: 'asks_for_what_you_offer', theirItem: m.request.title, yourItem: m.offer.title, ...(m.hs ? { hs: m.hs } : {}) },
      });
    }
  }
  const reasons = needReasons.sort((a, b) => b.strength - a.strength).map((r) => r.reason);
  const chain = features.valueChain > 0 ? valueChainReason(you, them) : undefined;
  if (chain) reasons.push(chain);
  if (features.behaviour > 0) {
    const preference = index.stagePreference.get(you.organisation.id);
    const stage = [...them.stages].sort((a, b) => (preference?.get(b) ?? 0) - (preference?.get(a) ?? 0))[0];
    if (stage !== undefined && (preference?.get(stage) ?? 0) > 0) reasons.push({ kind: 'like_your_requests', stage: stageIdOf(stage) });
  }
  if (features.partnership >= 0.8) {
    const types = fittingTypes(you.terms.partnershipTypes, them.terms.partnershipTypes);
    if (types.length) reasons.push({ kind: 'partnership', types });
  }
  const languages = you.terms.languages.filter((l) => them.terms.languages.includes(l));
  if (languages.length) reasons.push({ kind: 'shared_language', languages });
  return { allowed, score, features, reasons };
}
