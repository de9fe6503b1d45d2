import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { VALUE_CHAIN_STAGES, stageById } from '../../../src/domain/value-chain';
import { generateDemoEvent } from '../../../src/domain/demo';
import { ARCHETYPES, PRODUCTS } from '../../../src/domain/demo/catalogue';
import { isKnownCity } from '../../../src/domain/demo/cities';

/** The generator embeds its codes; the reference tables prove they exist. */
function referenceRows(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../../reference/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

const hsLevels = new Map(referenceRows('hs2022_harmonized_system.csv').map((r) => [r.hscode ?? '', r.level ?? '']));
const isicLevels = new Map(referenceRows('isic_rev4_en.csv').map((r) => [r.code ?? '', r.level ?? '']));
const event = generateDemoEvent();

/** Stage pairs "seller>buyer" from both value-chain edge tables. */
const edges = new Set(
  ['ev_battery_value_chain_edges.csv', 'value_chain_edges_other_sectors.csv'].flatMap((file) =>
    referenceRows(file).map((r) => `${r.from_stage}>${r.to_stage}`),
  ),
);

describe('demo codes against the reference tables', () => {
  it('reads the reference tables', () => {
    expect(hsLevels.size).toBeGreaterThan(5000);
    expect(isicLevels.size).toBeGreaterThan(700);
  });

  it('uses only 6-digit HS 2022 codes that exist', () => {
    const codes = new Set([
      ...event.organisations.flatMap((o) => o.hsCodes),
      ...event.organisations.flatMap((o) => o.items.flatMap((i) => i.hsCodes)),
      ...PRODUCTS.flatMap((p) => p.hsCodes),
    ]);
    expect(codes.size).toBeGreaterThan(50);
    for (const code of codes) {
      expect(code).toMatch(/^\d{6}$/);
      expect(hsLevels.get(code), code).toBe('6');
    }
  });

  it('uses only ISIC Rev.4 classes that exist', () => {
    const codes = new Set([
      ...event.organisations.flatMap((o) => o.isicCodes),
      ...event.organisations.flatMap((o) => o.items.flatMap((i) => i.isicCodes)),
      ...ARCHETYPES.flatMap((a) => a.isicCodes),
      ...PRODUCTS.flatMap((p) => p.isicCodes),
    ]);
    for (const code of codes) expect(isicLevels.get(code), code).toBe('class');
  });
});

describe('demo meetings along the reference value chain', () => {
  it('reads the edge tables', () => {
    expect(edges.size).toBeGreaterThan(40);
  });

  it('links most accepted meetings along an edge or within a stage', () => {
    const stages = new Map(event.organisations.map((o) => [o.externalId, o.stages]));
    const stagesOf = new Map(event.delegates.map((d) => [d.externalId, stages.get(d.organisationExternalId) ?? []]));
    const accepted = event.meetingRequests.filter((r) => r.status === 'accepted');
    const linked = accepted.filter((r) => {
      const a = stagesOf.get(r.fromDelegateExternalId) ?? [];
      const b = stagesOf.get(r.toDelegateExternalId) ?? [];
      return a.some((s) => b.some((t) => s === t || edges.has(`${s}>${t}`) || edges.has(`${t}>${s}`)));
    });
    // The rest are real but indirect deals, e.g. soda ash sold straight to a sodium-ion cathode maker.
    expect(linked.length / accepted.length).toBeGreaterThan(0.8);
  });
});

describe('demo catalogue', () => {
  const productIds = new Set(PRODUCTS.map((p) => p.id));

  it('has unique product and archetype ids', () => {
    expect(productIds.size).toBe(PRODUCTS.length);
    expect(new Set(ARCHETYPES.map((a) => a.id)).size).toBe(ARCHETYPES.length);
  });

  it('refers only to known products, stages and cities', () => {
    for (const a of ARCHETYPES) {
      for (const id of [...a.offers, ...a.requests]) expect(productIds.has(id), `${a.id} → ${id}`).toBe(true);
      expect(a.offers.length).toBeGreaterThan(0);
      expect(a.requests.length).toBeGreaterThan(0);
      for (const stage of a.stages) expect(stageById(stage), `${a.id} → ${stage}`).toBeDefined();
      // The archetype's sector is the sector of one of its stages.
      expect(a.stages.map((s) => stageById(s)?.sector)).toContain(a.sector);
      for (const city of a.cities) expect(isKnownCity(a.country, city), `${a.id} → ${city}`).toBe(true);
      expect(a.weight).toBeGreaterThan(0);
    }
  });

  it('can write every Chinese profile in Chinese and every Pakistani one in Urdu', () => {
    for (const a of ARCHETYPES) {
      if (a.country === 'CN') expect(a.text.zhActivity, a.id).toBeDefined();
      else expect(a.text.urActivity, a.id).toBeDefined();
    }
  });

  it('has a counterpart for every product: something requested is offered somewhere, and vice versa', () => {
    const offered = new Set(ARCHETYPES.flatMap((a) => a.offers));
    const requested = new Set(ARCHETYPES.flatMap((a) => a.requests));
    for (const id of requested) expect(offered.has(id), `nobody offers ${id}`).toBe(true);
    for (const id of offered) expect(requested.has(id), `nobody requests ${id}`).toBe(true);
  });

  it('occupies every value-chain stage', () => {
    const used = new Set(ARCHETYPES.flatMap((a) => a.stages));
    for (const stage of VALUE_CHAIN_STAGES) expect(used, stage.id).toContain(stage.id);
  });

  it('encodes the value chain the way the trade describes it', () => {
    const archetype = (id: string) => ARCHETYPES.find((a) => a.id === id);
    expect(archetype('cn_cathode')?.offers).toContain('lfp_cathode');
    expect(archetype('cn_cathode')?.requests).toContain('lithium_carbonate');
    expect(archetype('pk_erickshaw')?.requests).toEqual(expect.arrayContaining(['ev_packs_2w3w', 'motor_controller']));
    expect(archetype('pk_erickshaw')?.offers).toEqual(expect.arrayContaining(['ev_local_assembly', 'ev_distribution_pk']));
    expect(archetype('pk_cpo')?.requests).toEqual(expect.arrayContaining(['dc_fast_charger', 'solar_canopy']));
    expect(archetype('pk_fertiliser')?.requests).toEqual(expect.arrayContaining(['dap', 'phosphate_rock']));
  });
});
