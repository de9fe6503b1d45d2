/**
 * The match index: every organisation's weighted terms, codes and stages, with inverted
 * indexes from each term, code and stage to the organisations that carry it. Candidates for
 * one organisation come from its own postings only, so a query touches a few hundred
 * organisations, not the whole event; an edited profile re-indexes just that organisation.
 */
import type { OrganisationWithItems } from '../organisation';
import { describeOrganisation } from './profile';
import type { OrganisationTerms } from './profile';
import { DEFAULT_WEIGHTS, PAKISTAN_CHINA_ONLY, partnershipMask, sideUnderRule } from './scoring';
import type { MatchWeights, PairingRule } from './scoring';
import { STAGE_COUNT, stageCloseness, stageNumber } from './value-chain-edges';

export interface MatchOptions {
  /** Which pairs the event allows; default Pakistani ↔ Chinese only. */
  pairing?: PairingRule;
  weights?: Partial<MatchWeights>;
}

export type MeetingRequestStatus = 'pending' | 'accepted' | 'declined';

/** A meeting request already made, as a behaviour signal for matching. */
export interface MeetingRequestSignal {
  from: string;
  to: string;
  status: MeetingRequestStatus;
}

export interface IndexedOrganisation {
  slot: number;
  organisation: OrganisationWithItems;
  terms: OrganisationTerms;
  /** Unit-length weighted term vectors of what it offers and what it asks for. */
  supply: Map<string, number>;
  demand: Map<string, number>;
  stages: number[];
  wanted: Map<number, number>;
  partnershipMask: number;
  side: number;
}

/**
 * Organisations carrying a term, with the term's weight in each. Parallel arrays rather than a
 * Map: queries walk these lists for every organisation of the event, updates are rare.
 */
export interface PostingList {
  slots: number[];
  weights: number[];
}
type Postings = Map<string, PostingList>;
/** Code (or code prefix) → slot → weight of the code for that organisation (the largest, for a prefix). */
type CodePostings = Map<string, Map<number, number>>;

export interface Contact {
  status: MeetingRequestStatus;
  /** True when this organisation sent the request. */
  sent: boolean;
}
/**
 * The inverted indexes over one group of organisations. Under a rule pairing two groups
 * (Pakistani ↔ Chinese) each group has its own, so a query walks only the other group's lists.
 */
export interface Partition {
  readonly supplyPostings: Postings;
  readonly demandPostings: Postings;
  /** Offered/requested codes exactly, and the 2- and 4-digit prefixes of longer codes. */
  readonly offerCodes: CodePostings;
  readonly offerCodePrefixes: CodePostings;
  readonly requestCodes: CodePostings;
  readonly requestCodePrefixes: CodePostings;
  readonly stageMembers: Set<number>[];
  /** Stage number → organisations (slot → strength) that ask to meet that stage. */
  readonly wantedBy: Map<number, number>[];
}

export interface MatchIndex {
  readonly pairing: PairingRule;
  readonly weights: MatchWeights;
  /** Stage × stage closeness on the value chain (see stageCloseness). */
  readonly closeness: Float64Array;
  readonly organisations: (IndexedOrganisation | undefined)[];
  readonly slotOf: Map<string, number>;
  readonly freeSlots: number[];
  /** Document frequency of each term over organisations, for inverse-frequency weights. */
  readonly documentFrequency: Map<string, number>;
  readonly partitions: readonly Partition[];
  /** Organisation id → counterpart id → latest request between the two. */
  readonly contacts: Map<string, Map<string, Contact>>;
  /** Organisation id → stage number → share of its requests that went to that stage. */
  readonly stagePreference: Map<string, Map<number, number>>;
}

export function organisationCount(index: MatchIndex): number {
  return index.slotOf.size;
}

function termsOf(t: OrganisationTerms): Set<string> {
  return new Set([...t.supplyTf.keys(), ...t.demandTf.keys()]);
}

function inverseFrequency(index: MatchIndex, term: string): number {
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (organisationCount(index) + 1) / (df + 1));
}

function weightedVector(index: MatchIndex, tf: Map<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of tf) {
    const w = Math.log1p(count) * inverseFrequency(index, term);
    vector.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

function addPosting(postings: Postings, term: string, slot: number, weight: number): void {
  let list = postings.get(term);
  if (!list) postings.set(term, (list = { slots: [], weights: [] }));
  list.slots.push(slot);
  list.weights.push(weight);
}

function removePosting(postings: Postings, term: string, slot: number): void {
  const list = postings.get(term);
  if (!list) return;
  const at = list.slots.indexOf(slot);
  if (at < 0) return;
  const last = list.slots.length - 1;
  list.slots[at] = list.slots[last] ?? 0;
  list.weights[at] = list.weights[last] ?? 0;
  list.slots.pop();
  list.weights.pop();
  if (list.slots.length === 0) postings.delete(term);
}

function addCode(postings: CodePostings, code: string, slot: number, weight: number): void {
  let map = postings.get(code);
  if (!map) postings.set(code, (map = new Map()));
  map.set(slot, Math.max(map.get(slot) ?? 0, weight));
}

function removeFrom(postings: CodePostings, key: string, slot: number): void {
  const list = postings.get(key);
  if (!list) return;
  list.delete(slot);
  if (list.size === 0) postings.delete(key);
}

function codePrefixes(code: string): string[] {
  return [2, 4].filter((n) => code.length > n).map((n) => code.slice(0, n));
}

/** The partition an organisation is indexed in, or undefined when the rules let it meet no one. */
function homePartition(index: MatchIndex, entry: IndexedOrganisation): Partition | undefined {
  if (index.pairing.kind !== 'between_groups') return index.partitions[0];
  return entry.side < 0 ? undefined : index.partitions[entry.side];
}

/** The partition holding the organisations an organisation may be suggested. */
export function partnerPartition(index: MatchIndex, entry: IndexedOrganisation): Partition | undefined {
  if (index.pairing.kind !== 'between_groups') return index.partitions[0];
  return entry.side < 0 ? undefined : index.partitions[1 - entry.side];
}

function indexEntry(index: MatchIndex, entry: IndexedOrganisation): void {
  const p = homePartition(index, entry);
  if (!p) return;
  const { slot, terms } = entry;
  for (const [term, w] of entry.supply) addPosting(p.supplyPostings, term, slot, w);
  for (const [term, w] of entry.demand) addPosting(p.demandPostings, term, slot, w);
  for (const code of terms.offerHs) {
    addCode(p.offerCodes, code, slot, 1);
    for (const prefix of codePrefixes(code)) addCode(p.offerCodePrefixes, prefix, slot, 1);
  }
  for (const code of terms.requestHs) {
    const weight = terms.requestHsWeights.get(code) ?? 1;
    addCode(p.requestCodes, code, slot, weight);
    for (const prefix of codePrefixes(code)) addCode(p.requestCodePrefixes, prefix, slot, weight);
  }
  for (const s of entry.stages) p.stageMembers[s]?.add(slot);
  for (const [s, strength] of entry.wanted) p.wantedBy[s]?.set(slot, strength);
}

function unindexEntry(index: MatchIndex, entry: IndexedOrganisation): void {
  const p = homePartition(index, entry);
  if (!p) return;
  const { slot, terms } = entry;
  for (const term of entry.supply.keys()) removePosting(p.supplyPostings, term, slot);
  for (const term of entry.demand.keys()) removePosting(p.demandPostings, term, slot);
  for (const code of terms.offerHs) {
    removeFrom(p.offerCodes, code, slot);
    for (const prefix of codePrefixes(code)) removeFrom(p.offerCodePrefixes, prefix, slot);
  }
  for (const code of terms.requestHs) {
    removeFrom(p.requestCodes, code, slot);
    for (const prefix of codePrefixes(code)) removeFrom(p.requestCodePrefixes, prefix, slot);
  }
  for (const s of entry.stages) p.stageMembers[s]?.delete(slot);
  for (const s of entry.wanted.keys()) p.wantedBy[s]?.delete(slot);
}

function changeFrequencies(index: MatchIndex, terms: Set<string>, delta: number): void {
  for (const term of terms) {
    const df = (index.documentFrequency.get(term) ?? 0) + delta;
    if (df > 0) index.documentFrequency.set(term, df);
    else index.documentFrequency.delete(term);
  }
}

function makeEntry(index: MatchIndex, slot: number, organisation: OrganisationWithItems, terms: OrganisationTerms): IndexedOrganisation {
  const stages = terms.stages.map(stageNumber).filter((n): n is number => n !== undefined);
  const wanted = new Map<number, number>();
  for (const [stage, strength] of terms.wantedStages) {
    const n = stageNumber(stage);
    if (n !== undefined) wanted.set(n, strength);
  }
  return {
    slot,
    organisation,
    terms,
    supply: weightedVector(index, terms.supplyTf),
    demand: weightedVector(index, terms.demandTf),
    stages,
    wanted,
    partnershipMask: partnershipMask(terms.partnershipTypes),
    side: sideUnderRule(index.pairing, terms.country),
  };
}

function emptyPartition(): Partition {
  return {
    supplyPostings: new Map(),
    demandPostings: new Map(),
    offerCodes: new Map(),
    offerCodePrefixes: new Map(),
    requestCodes: new Map(),
    requestCodePrefixes: new Map(),
    stageMembers: Array.from({ length: STAGE_COUNT }, () => new Set<number>()),
    wantedBy: Array.from({ length: STAGE_COUNT }, () => new Map<number, number>()),
  };
}

export function createEmptyIndex(options: MatchOptions = {}): MatchIndex {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const pairing = options.pairing ?? PAKISTAN_CHINA_ONLY;
  return {
    pairing,
    weights,
    closeness: stageCloseness(weights.twoStep, weights.sameStage),
    organisations: [],
    slotOf: new Map(),
    freeSlots: [],
    documentFrequency: new Map(),
    partitions: Array.from({ length: pairing.kind === 'between_groups' ? 2 : 1 }, emptyPartition),
    contacts: new Map(),
    stagePreference: new Map(),
  };
}

/**
 * Builds the index for an event. Term weights use the frequencies of the whole event, so all
 * organisations are described first and weighted second.
 */
export function buildMatchIndex(organisations: readonly OrganisationWithItems[], options: MatchOptions = {}): MatchIndex {
  const index = createEmptyIndex(options);
  const described = organisations.map((o) => ({ organisation: o, terms: describeOrganisation(o) }));
  for (const { terms } of described) changeFrequencies(index, termsOf(terms), 1);
  described.forEach(({ organisation }, slot) => {
    if (index.slotOf.has(organisation.id)) throw new Error(`Organisation ${organisation.id} appears twice`);
    index.slotOf.set(organisation.id, slot);
  });
  for (const [slot, { organisation, terms }] of described.entries()) {
    const entry = makeEntry(index, slot, organisation, terms);
    index.organisations[slot] = entry;
    indexEntry(index, entry);
  }
  return index;
}

/**
 * Adds an organisation or replaces its profile, effective for the next query. Other
 * organisations keep the term weights computed when they were indexed; the drift is one
 * organisation's share of the frequencies and disappears on the next full build.
 */
export function updateOrganisation(index: MatchIndex, organisation: OrganisationWithItems): void {
  const existing = index.slotOf.get(organisation.id);
  let slot: number;
  if (existing !== undefined) {
    const old = index.organisations[existing];
    if (old) {
      unindexEntry(index, old);
      changeFrequencies(index, termsOf(old.terms), -1);
    }
    slot = existing;
  } else {
    slot = index.freeSlots.pop() ?? index.organisations.length;
    index.slotOf.set(organisation.id, slot);
  }
  const terms = describeOrganisation(organisation);
  changeFrequencies(index, termsOf(terms), 1);
  const entry = makeEntry(index, slot, organisation, terms);
  index.organisations[slot] = entry;
  indexEntry(index, entry);
}

export function removeOrganisation(index: MatchIndex, organisationId: string): void {
  const slot = index.slotOf.get(organisationId);
  if (slot === undefined) return;
  const entry = index.organisations[slot];
  if (entry) {
    unindexEntry(index, entry);
    changeFrequencies(index, termsOf(entry.terms), -1);
  }
  index.organisations[slot] = undefined;
  index.slotOf.delete(organisationId);
  index.freeSlots.push(slot);
}

export function entryOf(index: MatchIndex, organisationId: string): IndexedOrganisation {
  const slot = index.slotOf.get(organisationId);
  const entry = slot === undefined ? undefined : index.organisations[slot];
  if (!entry) throw new Error(`Organisation ${organisationId} is not in the match index`);
  return entry;
}

function refreshPreference(index: MatchIndex, organisationId: string): void {
  const counts = new Map<number, number>();
  let total = 0;
  for (const [other, { status, sent }] of index.contacts.get(organisationId) ?? []) {
    // What it asked for, or chose to accept, shows what it is after; what it was sent does not.
    if (status === 'declined' || (!sent && status !== 'accepted')) continue;
    const slot = index.slotOf.get(other);
    const entry = slot === undefined ? undefined : index.organisations[slot];
    for (const s of entry?.stages ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
    total += 1;
  }
  if (total === 0) index.stagePreference.delete(organisationId);
  else index.stagePreference.set(organisationId, new Map([...counts].map(([s, c]) => [s, c / total])));
}

/**
 * Records a meeting request and its reply. Pairs already in contact are not suggested again;
 * requests sent and accepted teach which stages an organisation is after.
 */
export function recordMeetingRequest(index: MatchIndex, signal: MeetingRequestSignal): void {
  for (const [a, b, sent] of [
    [signal.from, signal.to, true],
    [signal.to, signal.from, false],
  ] as const) {
    let map = index.contacts.get(a);
    if (!map) index.contacts.set(a, (map = new Map()));
    map.set(b, { status: signal.status, sent });
  }
  refreshPreference(index, signal.from);
  refreshPreference(index, signal.to);
}
