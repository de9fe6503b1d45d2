/**
 * What matching reads from an organisation: the words and concepts of what it offers and what
 * it asks for, its codes, the value-chain stages it works in and the stages it wants to meet.
 * Independent of the other organisations of the event (corpus weights are applied by the index).
 */
import { PARTNERSHIP_TYPES } from '../organisation';
import type { OrganisationWithItems, PartnershipType } from '../organisation';
import { isValueChainStage } from '../value-chain';
import { conceptById, conceptsWithBroader, hsCodesNamedBy, stagesNamedBy } from './lexicon';
import { hsMatch } from './scoring';
import { tokenise } from './text';
import { downstreamOf, stagesOfIsic, stagesSelling } from './value-chain-edges';

/** Concepts are marked so they never collide with a word of any language. */
export const CONCEPT_PREFIX = '#';

/** Concepts carry the cross-language meaning, so they count more than a single word. */
const CONCEPT_WEIGHT = 1.5;
/** The description mostly restates the offers; it should add recall, not dominate. */
const DESCRIPTION_WEIGHT = 0.5;
/** Weight of a requested HS code the organisation also offers (see requestHsWeights). */
const SOLD_CODE_WEIGHT = 0.5;
/** Roles whose requests mean "who buys what is named": distributors of inverters are installers. */
const DOWNSTREAM_ROLES = new Set(['distributor', 'trader']);

export interface ItemSummary {
  title: string;
  /** Words and concepts of the item, for telling which item matched which. */
  terms: ReadonlySet<string>;
  hsCodes: readonly string[];
  /** Codes named by the item's words, when the organisation gave none. */
  impliedHsCodes: readonly string[];
}

export interface OrganisationTerms {
  id: string;
  name: string;
  country: string;
  languages: readonly string[];
  partnershipTypes: readonly PartnershipType[];
  supplyTf: Map<string, number>;
  demandTf: Map<string, number>;
  offerHs: readonly string[];
  requestHs: readonly string[];
  /**
   * How much each requested code says about a partner. A code the organisation also sells (a
   * pack maker buys and sells HS 8507.60: cells in, packs out) cannot tell its suppliers from its
   * competitors, so it counts half.
   */
  requestHsWeights: ReadonlyMap<string, number>;
  stages: readonly string[];
  /** False when the stages were inferred from offers, codes or ISIC classes. */
  stagesStated: boolean;
  /** Stage id → strength (0..1) of the wish to meet organisations of that stage. */
  wantedStages: ReadonlyMap<string, number>;
  offers: readonly ItemSummary[];
  requests: readonly ItemSummary[];
}

function addTerms(tf: Map<string, number>, text: string, weight: number): string[] {
  const concepts = conceptsWithBroader(text);
  for (const word of tokenise(text)) tf.set(word, (tf.get(word) ?? 0) + weight);
  for (const id of concepts) {
    const term = CONCEPT_PREFIX + id;
    tf.set(term, (tf.get(term) ?? 0) + weight * CONCEPT_WEIGHT);
  }
  return concepts;
}

function summarise(title: string, text: string, hsCodes: readonly string[]): ItemSummary & { concepts: string[] } {
  const whole = text && text !== title ? `${title} ${text}` : title;
  const concepts = conceptsWithBroader(whole);
  return {
    title,
    terms: new Set([...tokenise(whole), ...concepts.map((c) => CONCEPT_PREFIX + c)]),
    hsCodes,
    impliedHsCodes: hsCodes.length ? [] : hsCodesNamedBy(concepts),
    concepts,
  };
}

function normaliseCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.replace(/[^0-9]/g, '')).filter((c) => c.length >= 2 && c.length <= 6))];
}

/** Stages a request asks for: what its words name, or who buys it when it asks for distributors. */
function stagesWantedBy(concepts: readonly string[], hsCodes: readonly string[]): Map<string, number> {
  const wanted = new Map<string, number>();
  const named = stagesNamedBy(concepts);
  const downstream = concepts.some((c) => DOWNSTREAM_ROLES.has(c));
  const put = (stage: string, strength: number): void => {
    if (isValueChainStage(stage)) wanted.set(stage, Math.max(wanted.get(stage) ?? 0, strength));
  };
  for (const stage of named) {
    if (downstream) for (const buyer of downstreamOf(stage)) put(buyer, 1);
    else put(stage, 1);
  }
  if (!downstream) for (const code of hsCodes) for (const stage of stagesSelling(code)) put(stage, 0.8);
  return wanted;
}

function inferStages(org: OrganisationWithItems, offerConcepts: string[][], offerHs: readonly string[]): string[] {
  const fromOffers = new Set(offerConcepts.flatMap((c) => stagesNamedBy(c)));
  if (fromOffers.size) return [...fromOffers];
  const fromCodes = new Set(offerHs.flatMap((c) => stagesSelling(c)));
  if (fromCodes.size) return [...fromCodes];
  const fromDescription = stagesNamedBy(conceptsWithBroader(org.description));
  if (fromDescription.length) return fromDescription;
  return [...new Set(org.isicCodes.flatMap((c) => stagesOfIsic(c)))];
}

export function describeOrganisation(org: OrganisationWithItems): OrganisationTerms {
  const supplyTf = new Map<string, number>();
  const demandTf = new Map<string, number>();
  const offers: ItemSummary[] = [];
  const requests: ItemSummary[] = [];
  const offerConcepts: string[][] = [];
  const wantedStages = new Map<string, number>();
  const offerHs = new Set(normaliseCodes(org.hsCodes));
  const requestHs = new Set<string>();

  for (const item of org.items) {
    const codes = normaliseCodes(item.hsCodes);
    const text = item.text && item.text !== item.title ? `${item.title} ${item.text}` : item.title;
    if (item.kind === 'offer') {
      addTerms(supplyTf, text, 1);
      const summary = summarise(item.title, item.text, codes);
      offers.push(summary);
      offerConcepts.push(summary.concepts);
      for (const c of codes) offerHs.add(c);
    } else {
      addTerms(demandTf, text, 1);
      const summary = summarise(item.title, item.text, codes);
      requests.push(summary);
      for (const c of codes) requestHs.add(c);
      for (const [stage, strength] of stagesWantedBy(summary.concepts, codes)) {
        wantedStages.set(stage, Math.max(wantedStages.get(stage) ?? 0, strength));
      }
    }
  }
  if (org.description) addTerms(supplyTf, org.description, DESCRIPTION_WEIGHT);

  const stated = org.stages.filter(isValueChainStage);
  const stages = stated.length ? stated : inferStages(org, offerConcepts, [...offerHs]);
  // A company does not need to be told about its own stage; competitors are not partners by default.
  for (const own of stages) if ((wantedStages.get(own) ?? 0) < 1) wantedStages.delete(own);

  const partnershipTypes = new Set<PartnershipType>(org.partnershipTypes);
  for (const item of org.items) for (const t of item.partnershipTypes) partnershipTypes.add(t);

  return {
    id: org.id,
    name: org.name,
    country: org.country.toUpperCase(),
    languages: org.languages,
    partnershipTypes: PARTNERSHIP_TYPES.filter((t) => partnershipTypes.has(t)),
    supplyTf,
    demandTf,
    offerHs: [...offerHs],
    requestHs: [...requestHs],
    requestHsWeights: new Map([...requestHs].map((r) => [r, [...offerHs].some((o) => hsMatch(r, o) >= 0.8) ? SOLD_CODE_WEIGHT : 1])),
    stages,
    stagesStated: stated.length > 0,
    wantedStages,
    offers,
    requests,
  };
}

/** The concept ids a set of item terms carries, for reasons ("both speak of LFP"). */
export function conceptsOfTerms(terms: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of terms) if (t.startsWith(CONCEPT_PREFIX) && conceptById(t.slice(1))) out.push(t.slice(1));
  return out;
}
