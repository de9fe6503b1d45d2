import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../../src/domain/matching/lexicon';
import { stageCloseness, stageNumber, STAGE_COUNT, VALUE_CHAIN_EDGES } from '../../../src/domain/matching/value-chain-edges';
import { isValueChainStage, VALUE_CHAIN_STAGES } from '../../../src/domain/value-chain';

const referenceFile = (name: string): string => fileURLToPath(new URL(`../../../reference/${name}`, import.meta.url));

function edgesInCsv(name: string) {
  const rows = parse(readFileSync(referenceFile(name)), { columns: true }) as Record<string, string>[];
  const codes = (cell: string | undefined, digits: number) => cell?.match(new RegExp(`\\b\\d{${digits}}\\b`, 'g')) ?? [];
  return rows.map((r) => ({
    from: r.from_stage,
    to: r.to_stage,
    hs: codes(r.hs2022_of_flow, 6),
    isicSeller: codes(r.isic4_seller, 4),
    isicBuyer: codes(r.isic4_buyer, 4),
  }));
}

const hsCodes = new Set((parse(readFileSync(referenceFile('hs2022_harmonized_system.csv')), { columns: true }) as { hscode: string }[]).map((r) => r.hscode));

describe('value-chain edges', () => {
  it('are exactly the edges of the two reference CSV files', () => {
    const expected = [...edgesInCsv('ev_battery_value_chain_edges.csv'), ...edgesInCsv('value_chain_edges_other_sectors.csv')];
    expect(VALUE_CHAIN_EDGES.map((e) => ({ ...e }))).toEqual(expected);
  });

  it('use only known stages and real HS 2022 subheadings', () => {
    for (const e of VALUE_CHAIN_EDGES) {
      expect(isValueChainStage(e.from), e.from).toBe(true);
      expect(isValueChainStage(e.to), e.to).toBe(true);
      for (const code of e.hs) expect(hsCodes.has(code), code).toBe(true);
    }
  });

  it('connect every stage of the event to the chain', () => {
    const touched = new Set(VALUE_CHAIN_EDGES.flatMap((e) => [e.from, e.to]));
    for (const s of VALUE_CHAIN_STAGES) expect(touched.has(s.id), s.id).toBe(true);
  });

  it('make direct suppliers closest, two-step links weaker and siblings unrelated', () => {
    const c = stageCloseness(0.3);
    const at = (a: string, b: string) => c[(stageNumber(a) ?? 0) * STAGE_COUNT + (stageNumber(b) ?? 0)];
    expect(at('cathode_materials', 'cells')).toBe(1);
    expect(at('cells', 'cathode_materials')).toBe(1);
    expect(at('cathode_materials', 'packs')).toBeCloseTo(0.3);
    expect(at('cathode_materials', 'anode_materials')).toBe(0);
    expect(at('cells', 'cells')).toBe(0);
    expect(at('solar_epc', 'charging')).toBe(1);
    expect(at('packs', 'ev_assembly')).toBe(1);
  });
});

describe('lexicon', () => {
  it('cites only real HS codes and known stages', () => {
    const headings = new Set([...hsCodes].filter((c) => c.length <= 6));
    for (const concept of LEXICON) {
      for (const code of concept.hs ?? []) expect(headings.has(code), `${concept.id} ${code}`).toBe(true);
      for (const stage of concept.stages ?? []) expect(isValueChainStage(stage), `${concept.id} ${stage}`).toBe(true);
      expect(concept.en.length && concept.zh.length && concept.ur.length, concept.id).toBeTruthy();
    }
  });
});
