/**
 * Candidate generation and scoring for one organisation: walk its own terms, codes and stages
 * through the inverted indexes, accumulating every feature for the organisations reached,
 * then score those and keep the best. No pair is scored that shares nothing.
 */
import { partnerPartition } from './match-index';
import type { IndexedOrganisation, MatchIndex, PostingList } from './match-index';
import { combineFeatures, HS_CONTAINS, HS_SAME_HEADING, partnershipFit } from './scoring';
import type { PairFeatures } from './scoring';
import { STAGE_COUNT } from './value-chain-edges';

export interface ScoredCandidate {
  slot: number;
  score: number;
}

/** Reusable accumulators, one set per index, reset lazily by generation stamp. */
interface Scratch {
  generation: number;
  stamp: Int32Array;
  touched: number[];
  textToYou: Float64Array;
  textToThem: Float64Array;
  codesToYou: Float64Array;
  codesToThem: Float64Array;
  wantedByYou: Float64Array;
  wantedByThem: Float64Array;
}

const scratchOf = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  const size = index.organisations.length;
  let s = scratchOf.get(index);
  if (!s || s.stamp.length < size) {
    const n = Math.max(size, 16) * 2;
    s = {
      generation: 0,
      stamp: new Int32Array(n),
      touched: [],
      textToYou: new Float64Array(n),
      textToThem: new Float64Array(n),
      codesToYou: new Float64Array(n),
      codesToThem: new Float64Array(n),
      wantedByYou: new Float64Array(n),
      wantedByThem: new Float64Array(n),
    };
    scratchOf.set(index, s);
  }
  s.generation += 1;
  s.touched.length = 0;
  return s;
}

function touch(s: Scratch, slot: number): void {
  if (s.stamp[slot] === s.generation) return;
  s.stamp[slot] = s.generation;
  s.textToYou[slot] = 0;
  s.textToThem[slot] = 0;
  s.codesToYou[slot] = 0;
  s.codesToThem[slot] = 0;
  s.wantedByYou[slot] = 0;
  s.wantedByThem[slot] = 0;
  s.touched.push(slot);
}

function accumulateText(s: Scratch, query: Map<string, number>, postings: Map<string, PostingList>, into: Float64Array): void {
  for (const [term, wq] of query) {
    const list = postings.get(term);
    if (!list) continue;
    const { slots, weights } = list;
    for (let i = 0; i < slots.length; i += 1) {
      const slot = slots[i] ?? 0;
      touch(s, slot);
      into[slot] = (into[slot] ?? 0) + wq * (weights[i] ?? 0);
    }
  }
}

function raise(s: Scratch, into: Float64Array, slots: Iterable<number> | undefined, strength: number): void {
  if (!slots) return;
  for (const slot of slots) {
    touch(s, slot);
    if ((into[slot] ?? 0) < strength) into[slot] = strength;
  }
}

function raiseWeighted(s: Scratch, into: Float64Array, slots: Map<number, number> | undefined, strength: number): void {
  if (!slots) return;
  for (const [slot, weight] of slots) {
    touch(s, slot);
    const value = strength * weight;
    if ((into[slot] ?? 0) < value) into[slot] = value;
  }
}

/**
 * Mirrors bestHsMatch() over the code postings: same code, contained codes, same heading, each
 * at the query code's weight times the posted code's weight.
 */
function accumulateCodes(
  s: Scratch,
  codes: readonly string[],
  weights: ReadonlyMap<string, number> | undefined,
  exact: Map<string, Map<number, number>>,
  prefixes: Map<string, Map<number, number>>,
  into: Float64Array,
): void {
  for (const code of codes) {
    const weight = weights?.get(code) ?? 1;
    const strength = (HS_CONTAINS[code.length] ?? 0) * weight;
    raiseWeighted(s, into, exact.get(code), strength);
    raiseWeighted(s, into, prefixes.get(code), strength);
    for (const n of [2, 4]) {
      if (code.length <= n) continue;
      const p = code.slice(0, n);
      raiseWeighted(s, into, exact.get(p), (HS_CONTAINS[n] ?? 0) * weight);
      if (n === 4 && code.length === 6) raiseWeighted(s, into, prefixes.get(p), HS_SAME_HEADING * weight);
    }
  }
}

export function closenessOf(index: MatchIndex, a: readonly number[], b: readonly number[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, index.closeness[x * STAGE_COUNT + y] ?? 0);
  return best;
}

/** Learnt preference of each side for the other's stages, averaged (0..1). */
export function behaviourOf(index: MatchIndex, you: IndexedOrganisation, them: IndexedOrganisation): number {
  const mine = index.stagePreference.get(you.organisation.id);
  const theirs = index.stagePreference.get(them.organisation.id);
  if (!mine && !theirs) return 0;
  let a = 0;
  let b = 0;
  for (const s of them.stages) a = Math.max(a, mine?.get(s) ?? 0);
  for (const s of you.stages) b = Math.max(b, theirs?.get(s) ?? 0);
  return (a + b) / 2;
}

/** Whether the event rules and the history of the pair allow suggesting them to each other. */
export function maySuggest(index: MatchIndex, you: IndexedOrganisation, them: IndexedOrganisation, includeContacted: boolean): boolean {
  if (you.slot === them.slot) return false;
  if (index.pairing.kind === 'between_groups') {
    if (you.side < 0 || them.side < 0 || you.side === them.side) return false;
  } else if (index.pairing.kind === 'different_country' && you.terms.country === them.terms.country) return false;
  const contact = index.contacts.get(you.organisation.id)?.get(them.organisation.id);
  if (contact?.status === 'declined') return false;
  return includeContacted || !contact;
}

export interface CandidateQuery {
  limit: number;
  /** Keep pairs that already exchanged a request (default false: suggest only new partners). */
  includeContacted?: boolean;
  /** Drop candidates scoring below this. */
  minScore?: number;
}

/** For each stage, the closeness of the nearest of `stages` to it. */
function closenessRow(index: MatchIndex, stages: readonly number[]): Float64Array {
  const row = new Float64Array(STAGE_COUNT);
  for (const a of stages) {
    for (let b = 0; b < STAGE_COUNT; b += 1) row[b] = Math.max(row[b] ?? 0, index.closeness[a * STAGE_COUNT + b] ?? 0);
  }
  return row;
}

/** The best-scoring allowed partners of one organisation, best first. */
export function scoreCandidates(index: MatchIndex, you: IndexedOrganisation, query: CandidateQuery): ScoredCandidate[] {
  const p = partnerPartition(index, you);
  if (!p) return [];
  const s = scratchFor(index);
  accumulateText(s, you.demand, p.supplyPostings, s.textToYou);
  accumulateText(s, you.supply, p.demandPostings, s.textToThem);
  accumulateCodes(s, you.terms.requestHs, you.terms.requestHsWeights, p.offerCodes, p.offerCodePrefixes, s.codesToYou);
  accumulateCodes(s, you.terms.offerHs, undefined, p.requestCodes, p.requestCodePrefixes, s.codesToThem);
  for (const [stage, strength] of you.wanted) raise(s, s.wantedByYou, p.stageMembers[stage], strength);
  for (const stage of you.stages) {
    for (const [slot, strength] of p.wantedBy[stage] ?? []) {
      touch(s, slot);
      if ((s.wantedByThem[slot] ?? 0) < strength) s.wantedByThem[slot] = strength;
    }
  }

  const top = new TopScores(Math.max(0, query.limit));
  const minScore = Math.max(query.minScore ?? 0, Number.MIN_VALUE);
  const includeContacted = query.includeContacted ?? false;
  const learnt = index.stagePreference.size > 0;
  const row = closenessRow(index, you.stages);
  const f: PairFeatures = {
    textToYou: 0, textToThem: 0, codesToYou: 0, codesToThem: 0,
    wantedByYou: 0, wantedByThem: 0, valueChain: 0, partnership: 0, behaviour: 0,
  };
  const score = (them: IndexedOrganisation, slot: number, reached: boolean): void => {
    if (!maySuggest(index, you, them, includeContacted)) return;
    f.textToYou = reached ? (s.textToYou[slot] ?? 0) : 0;
    f.textToThem = reached ? (s.textToThem[slot] ?? 0) : 0;
    f.codesToYou = reached ? (s.codesToYou[slot] ?? 0) : 0;
    f.codesToThem = reached ? (s.codesToThem[slot] ?? 0) : 0;
    f.wantedByYou = reached ? (s.wantedByYou[slot] ?? 0) : 0;
    f.wantedByThem = reached ? (s.wantedByThem[slot] ?? 0) : 0;
    let closeness = 0;
    for (const st of them.stages) closeness = Math.max(closeness, row[st] ?? 0);
    f.valueChain = closeness;
    f.partnership = partnershipFit(you.partnershipMask, them.partnershipMask);
    f.behaviour = learnt ? behaviourOf(index, you, them) : 0;
    const value = combineFeatures(index.weights, f);
    if (value >= minScore) top.offer(slot, value);
  };

  // Most organisations reached share a common word or two and cannot make the list: an upper
  // bound from the accumulated needs (best possible stage link, fit and learnt preference)
  // skips them before the rules, stages and partnership types are looked at.
  const w = index.weights;
  const best = (1 + w.mutual) * (w.text + w.codes + w.wantedStage) + w.valueChain;
  const rowMax = Math.max(0, ...row);
  const boost = learnt ? 1 + w.behaviour : 1;
  for (const slot of s.touched) {
    const yours = w.text * (s.textToYou[slot] ?? 0) + w.codes * (s.codesToYou[slot] ?? 0) + w.wantedStage * (s.wantedByYou[slot] ?? 0);
    const theirs = w.text * (s.textToThem[slot] ?? 0) + w.codes * (s.codesToThem[slot] ?? 0) + w.wantedStage * (s.wantedByThem[slot] ?? 0);
    const bound = ((Math.max(yours, theirs) + w.mutual * Math.min(yours, theirs) + w.valueChain * rowMax) / best) * boost;
    if (bound < minScore || top.holdsBetterThan(bound)) continue;
    const them = index.organisations[slot];
    if (them) score(them, slot, true);
  }

  // Organisations sharing only a value-chain link with you can score at most this; most of the
  // time the list is already full of better ones and the (large) stage lists are not walked.
  const onlyChain = combineFeatures(index.weights, {
    textToYou: 0, textToThem: 0, codesToYou: 0, codesToThem: 0, wantedByYou: 0, wantedByThem: 0,
    valueChain: Math.max(0, ...row), partnership: 1, behaviour: learnt ? 1 : 0,
  });
  if (onlyChain >= minScore && !top.holdsBetterThan(onlyChain)) {
    for (let stage = 0; stage < STAGE_COUNT; stage += 1) {
      if ((row[stage] ?? 0) <= 0) continue;
      for (const slot of p.stageMembers[stage] ?? []) {
        if (s.stamp[slot] === s.generation) continue;
        s.stamp[slot] = s.generation;
        const them = index.organisations[slot];
        if (them) score(them, slot, false);
      }
    }
  }
  return top.sorted();
}

/** A bounded min-heap keeping the `capacity` highest scores; ties go to the lower slot. */
class TopScores {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly capacity: number) {}

  private less(i: number, j: number): boolean {
    const a = this.scores[i] ?? 0;
    const b = this.scores[j] ?? 0;
    return a < b || (a === b && (this.slots[i] ?? 0) > (this.slots[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    [this.slots[i], this.slots[j]] = [this.slots[j] ?? 0, this.slots[i] ?? 0];
    [this.scores[i], this.scores[j]] = [this.scores[j] ?? 0, this.scores[i] ?? 0];
  }

  offer(slot: number, score: number): void {
    if (this.capacity === 0) return;
    if (this.slots.length < this.capacity) {
      this.slots.push(slot);
      this.scores.push(score);
      for (let i = this.slots.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.less(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const worst = this.scores[0] ?? 0;
    if (score < worst || (score === worst && slot > (this.slots[0] ?? 0))) return;
    this.slots[0] = slot;
    this.scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.slots.length && this.less(l, m)) m = l;
      if (r < this.slots.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** True when the list is full and every score in it beats `score`. */
  holdsBetterThan(score: number): boolean {
    return this.slots.length >= this.capacity && (this.scores[0] ?? 0) > score;
  }

  sorted(): ScoredCandidate[] {
    return this.slots
      .map((slot, i) => ({ slot, score: this.scores[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.slot - b.slot);
  }
}
