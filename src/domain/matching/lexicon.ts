/**
 * The domain lexicon: concepts of the corridor's industries with their names in English,
 * Chinese and Urdu, the HS codes they trade under and the value-chain stages that offer them.
 * Finding concepts in text is what lets "LFP cells", "磷酸铁锂电芯" and "لیتھیم آئرن فاسفیٹ سیل"
 * meet each other; it is general domain knowledge, never knowledge of particular companies.
 */
import { BATTERY_AND_EV_CONCEPTS } from './lexicon-batteries-ev';
import { OTHER_SECTOR_CONCEPTS } from './lexicon-other-sectors';
import { normaliseText, stemEnglish } from './text';

export interface LexiconConcept {
  readonly id: string;
  /** 0 qualifier (LFP, solar) < 1 product family (vehicle, crop) < 2 component or material < 3 role (dealer, farmer). */
  readonly rank: number;
  readonly broader?: readonly string[];
  readonly hs?: readonly string[];
  readonly stages?: readonly string[];
  readonly en: readonly string[];
  readonly zh: readonly string[];
  readonly ur: readonly string[];
}

export const LEXICON: readonly LexiconConcept[] = [...BATTERY_AND_EV_CONCEPTS, ...OTHER_SECTOR_CONCEPTS];

const CONCEPTS_BY_ID = new Map(LEXICON.map((c) => [c.id, c]));

export function conceptById(id: string): LexiconConcept | undefined {
  return CONCEPTS_BY_ID.get(id);
}

const HAN = /\p{Script=Han}/u;
const WORDS = /\p{Script=Arabic}+|[\p{L}\p{N}]+/gu;

/** Words for phrase lookup: unlike search tokens, nothing is dropped, so "3 wheeler" stays two words. */
function phraseWords(normalised: string): string[] {
  const out: string[] = [];
  for (const [word] of normalised.matchAll(WORDS)) {
    if (HAN.test(word)) continue;
    out.push(/\p{Script=Latin}|\d/u.test(word) ? stemEnglish(word) : word);
  }
  return out;
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  conceptId?: string;
}

const wordTrie: PhraseNode = { next: new Map() };
/** Han-script names by first character, longest first, for substring search. */
const hanForms = new Map<string, { form: string; conceptId: string }[]>();

for (const concept of LEXICON) {
  for (const raw of [...concept.en, ...concept.zh, ...concept.ur]) {
    const form = normaliseText(raw);
    if (HAN.test(form)) {
      const first = form[0] ?? '';
      const list = hanForms.get(first) ?? [];
      list.push({ form, conceptId: concept.id });
      hanForms.set(first, list);
      continue;
    }
    let node = wordTrie;
    for (const word of phraseWords(form)) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    if (node !== wordTrie) node.conceptId ??= concept.id;
  }
}
for (const list of hanForms.values()) list.sort((a, b) => b.form.length - a.form.length);

/** Concept ids named in a text, longest phrase first, in order of appearance (repeats kept). */
export function conceptsIn(text: string): string[] {
  const normalised = normaliseText(text);
  const found: string[] = [];
  const words = phraseWords(normalised);
  for (let i = 0; i < words.length; ) {
    let node: PhraseNode | undefined = wordTrie;
    let bestEnd = -1;
    let bestId: string | undefined;
    for (let j = i; j < words.length; j += 1) {
      node = node.next.get(words[j] ?? '');
      if (!node) break;
      if (node.conceptId) {
        bestEnd = j + 1;
        bestId = node.conceptId;
      }
    }
    if (bestId) {
      found.push(bestId);
      i = bestEnd;
    } else i += 1;
  }
  if (HAN.test(normalised)) {
    for (let i = 0; i < normalised.length; ) {
      const hit = hanForms.get(normalised[i] ?? '')?.find((f) => normalised.startsWith(f.form, i));
      if (hit) {
        found.push(hit.conceptId);
        i += hit.form.length;
      } else i += 1;
    }
  }
  return found;
}

/** The concepts of a text together with their broader concepts (LFP also names lithium-ion). */
export function conceptsWithBroader(text: string): string[] {
  const out: string[] = [];
  for (const id of conceptsIn(text)) {
    out.push(id);
    for (const broader of conceptById(id)?.broader ?? []) out.push(broader);
  }
  return out;
}

/**
 * Stages whose organisations offer what a phrase names: taken from the highest-ranked concepts
 * in it, so "e-rickshaw battery packs" points at pack makers rather than rickshaw makers.
 */
export function stagesNamedBy(conceptIds: readonly string[]): string[] {
  let bestRank = -1;
  let stages: string[] = [];
  for (const id of conceptIds) {
    const concept = conceptById(id);
    if (!concept?.stages?.length) continue;
    if (concept.rank > bestRank) {
      bestRank = concept.rank;
      stages = [...concept.stages];
    } else if (concept.rank === bestRank) {
      for (const s of concept.stages) if (!stages.includes(s)) stages.push(s);
    }
  }
  return stages;
}

/** HS codes the concepts of a phrase trade under (most specific concepts first). */
export function hsCodesNamedBy(conceptIds: readonly string[]): string[] {
  const ranked = [...new Set(conceptIds)]
    .map((id) => conceptById(id))
    .filter((c): c is LexiconConcept => !!c?.hs?.length)
    .sort((a, b) => b.rank - a.rank);
  return [...new Set(ranked.flatMap((c) => c.hs ?? []))];
}
