import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  recommend,
  recordMeetingRequest,
  removeOrganisation,
  scorePair,
  updateOrganisation,
} from '../../../src/domain/matching/index';
import { bestHsMatch, hsMatch, mayMeet, PAKISTAN_CHINA_ONLY } from '../../../src/domain/matching/scoring';
import { buildOrganisation } from './factories';

function batteryEvent() {
  const packMaker = buildOrganisation({
    country: 'PK',
    stages: ['packs'],
    offers: ['e-rickshaw battery packs'],
    requests: ['LFP cells'],
    requestHsCodes: ['850760'],
    partnershipTypes: ['supply'],
  });
  const cellMaker = buildOrganisation({
    country: 'CN',
    stages: ['cells'],
    hsCodes: ['850760'],
    offers: ['磷酸铁锂电芯'],
    requests: ['巴基斯坦电池包组装厂'],
    partnershipTypes: ['supply'],
  });
  const rivalPackMaker = buildOrganisation({
    country: 'CN',
    stages: ['packs'],
    hsCodes: ['850760'],
    offers: ['e-rickshaw battery packs'],
    requests: ['LFP cells'],
    requestHsCodes: ['850760'],
    partnershipTypes: ['supply'],
  });
  const fertiliser = buildOrganisation({
    country: 'CN',
    stages: ['fertilisers'],
    hsCodes: ['310210'],
    offers: ['urea'],
    requests: ['distributors'],
  });
  return { packMaker, cellMaker, rivalPackMaker, fertiliser };
}

describe('two-sided scoring', () => {
  it('puts the supplier that completes the value chain above a same-stage competitor', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    const ranked = recommend(index, e.packMaker.id, 3).map((r) => r.organisationId);
    expect(ranked[0]).toBe(e.cellMaker.id);
    expect(scorePair(index, e.packMaker.id, e.cellMaker.id).score).toBeGreaterThan(scorePair(index, e.packMaker.id, e.rivalPackMaker.id).score);
  });

  it('matches an English request to a Chinese offer through the lexicon', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    const { features } = scorePair(index, e.packMaker.id, e.cellMaker.id);
    expect(features.textToYou).toBeGreaterThan(0);
    expect(features.codesToYou).toBe(1);
    expect(features.valueChain).toBe(1);
  });

  it('gives the same score from both sides', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    expect(scorePair(index, e.packMaker.id, e.cellMaker.id).score).toBeCloseTo(scorePair(index, e.cellMaker.id, e.packMaker.id).score, 12);
  });

  it('scores a pair the same in the index and pairwise', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    for (const r of recommend(index, e.packMaker.id, 10)) {
      expect(r.score).toBeCloseTo(scorePair(index, e.packMaker.id, r.organisationId).score, 12);
    }
  });

  it('only pairs Pakistani with Chinese organisations by default', () => {
    const e = batteryEvent();
    const pakistaniCellMaker = buildOrganisation({ ...e.cellMaker, id: 'pk-cells', country: 'PK' });
    const index = buildMatchIndex([...Object.values(e), pakistaniCellMaker]);
    const ids = recommend(index, e.packMaker.id, 10).map((r) => r.organisationId);
    expect(ids).not.toContain('pk-cells');
    expect(ids).toContain(e.cellMaker.id);
    for (const r of recommend(index, e.cellMaker.id, 10)) {
      expect(index.organisations[index.slotOf.get(r.organisationId) ?? -1]?.terms.country).toBe('PK');
    }
  });

  it('lets the event choose another pairing rule', () => {
    const e = batteryEvent();
    const pakistaniCellMaker = buildOrganisation({ ...e.cellMaker, id: 'pk-cells', country: 'PK' });
    const index = buildMatchIndex([...Object.values(e), pakistaniCellMaker], { pairing: { kind: 'any' } });
    expect(recommend(index, e.packMaker.id, 10).map((r) => r.organisationId)).toContain('pk-cells');
    expect(mayMeet(PAKISTAN_CHINA_ONLY, 'PK', 'CN')).toBe(true);
    expect(mayMeet(PAKISTAN_CHINA_ONLY, 'CN', 'CN')).toBe(false);
    expect(mayMeet(PAKISTAN_CHINA_ONLY, 'PK', 'DE')).toBe(false);
    expect(mayMeet({ kind: 'different_country' }, 'PK', 'DE')).toBe(true);
  });

  it('ignores pairs that share nothing', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    expect(recommend(index, e.packMaker.id, 10).map((r) => r.organisationId)).not.toContain(e.fertiliser.id);
  });
});

describe('HS code matches', () => {
  it('match by prefix, stronger the more specific', () => {
    expect(hsMatch('850760', '850760')).toBe(1);
    expect(hsMatch('8507', '850760')).toBeGreaterThan(hsMatch('85', '850760'));
    expect(hsMatch('85', '850760')).toBeGreaterThan(0);
    expect(hsMatch('850760', '850780')).toBeGreaterThan(0);
    expect(hsMatch('850760', '850440')).toBe(0);
    expect(bestHsMatch(['310210', '8507'], ['850760'])).toMatchObject({ requested: '8507', offered: '850760' });
  });

  it('bring a requester and a supplier of the same heading together without any shared words', () => {
    const buyer = buildOrganisation({ country: 'PK', requests: ['accumulators'], requestHsCodes: ['8507'] });
    const seller = buildOrganisation({ country: 'CN', hsCodes: ['850760'], offers: ['energy products'] });
    const index = buildMatchIndex([buyer, seller]);
    expect(scorePair(index, buyer.id, seller.id).features.codesToYou).toBeGreaterThan(0.5);
    expect(recommend(index, buyer.id, 5).map((r) => r.organisationId)).toEqual([seller.id]);
  });
});

describe('codes an organisation both buys and sells', () => {
  it('count half, since they cannot tell its suppliers from its competitors', () => {
    // A pack maker buys and sells 8507.60 (cells in, packs out); a rival pack maker sells it too.
    const packMaker = buildOrganisation({ country: 'PK', hsCodes: ['850760'], offers: ['battery assembly'], requests: ['components'], requestHsCodes: ['850760'] });
    const trader = buildOrganisation({ country: 'PK', offers: ['battery assembly'], requests: ['components'], requestHsCodes: ['850760'] });
    const rival = buildOrganisation({ country: 'CN', hsCodes: ['850760'], offers: ['energy products'] });
    const index = buildMatchIndex([packMaker, trader, rival]);
    expect(scorePair(index, packMaker.id, rival.id).features.codesToYou).toBe(0.5);
    expect(scorePair(index, trader.id, rival.id).features.codesToYou).toBe(1);
    expect(recommend(index, packMaker.id, 1)[0]?.features.codesToYou).toBe(0.5);
  });
});

describe('incremental updates', () => {
  it('reflects an edited profile in the very next query', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    expect(recommend(index, e.fertiliser.id, 5).map((r) => r.organisationId)).not.toContain(e.packMaker.id);
    updateOrganisation(index, { ...e.packMaker, items: [...e.packMaker.items, { ...e.packMaker.items[0]!, kind: 'request', title: 'urea fertiliser', hsCodes: ['310210'] }] });
    expect(recommend(index, e.fertiliser.id, 5).map((r) => r.organisationId)).toContain(e.packMaker.id);
  });

  it('adds and removes organisations', () => {
    const e = batteryEvent();
    const index = buildMatchIndex([e.packMaker, e.rivalPackMaker]);
    updateOrganisation(index, e.cellMaker);
    expect(recommend(index, e.packMaker.id, 1)[0]?.organisationId).toBe(e.cellMaker.id);
    removeOrganisation(index, e.cellMaker.id);
    expect(recommend(index, e.packMaker.id, 5).map((r) => r.organisationId)).not.toContain(e.cellMaker.id);
  });

  it('gives an updated index the same ranking as a fresh build', () => {
    const e = batteryEvent();
    const fresh = buildMatchIndex(Object.values(e));
    const updated = buildMatchIndex(Object.values(e));
    updateOrganisation(updated, e.cellMaker);
    expect(recommend(updated, e.packMaker.id, 5).map((r) => r.organisationId)).toEqual(recommend(fresh, e.packMaker.id, 5).map((r) => r.organisationId));
  });
});

describe('behaviour signals', () => {
  it('stops suggesting a pair once a request was declined or is pending', () => {
    const e = batteryEvent();
    const index = buildMatchIndex(Object.values(e));
    recordMeetingRequest(index, { from: e.packMaker.id, to: e.cellMaker.id, status: 'declined' });
    expect(recommend(index, e.packMaker.id, 5).map((r) => r.organisationId)).not.toContain(e.cellMaker.id);
    expect(recommend(index, e.cellMaker.id, 5).map((r) => r.organisationId)).not.toContain(e.packMaker.id);
  });

  it('raises organisations like the ones already asked for', () => {
    const e = batteryEvent();
    const secondCellMaker = buildOrganisation({ country: 'CN', stages: ['cells'], offers: ['sodium-ion cells'] });
    const index = buildMatchIndex([...Object.values(e), secondCellMaker]);
    const before = scorePair(index, e.packMaker.id, secondCellMaker.id).score;
    recordMeetingRequest(index, { from: e.packMaker.id, to: e.cellMaker.id, status: 'accepted' });
    const after = scorePair(index, e.packMaker.id, secondCellMaker.id);
    expect(after.score).toBeGreaterThan(before);
    expect(after.reasons).toContainEqual({ kind: 'like_your_requests', stage: 'cells' });
  });
});
