import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COMPARABLE_SERIES, DEFAULT_ASSUMPTIONS } from '../../../src/domain/policy/assumptions';
import { loadDefaultDataset } from '../../../src/domain/policy/dataset';
import { fitLogistic } from '../../../src/domain/policy/logistic';
import { SEGMENTS, listAssumptions, type SourceRef } from '../../../src/domain/policy/model';
import { SOURCES } from '../../../src/domain/policy/sources';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ');
const FACTS = squash(read('reference/FACTS.md'));
const IEA = parse(read('reference/iea_global_ev_data_2024_subset.csv'), { columns: true }) as Record<string, string>[];

/** The ways the facts list writes a number: 148,023 / 30% / 2.2 million. */
function writtenForms(value: number): string[] {
  return [value.toLocaleString('en-US'), `${Math.round(value * 100)}%`, `${value / 1_000_000} million`];
}

function ieaValue(region: string, parameter: string, mode: string, powertrain: string, year: number): number {
  const row = IEA.find(
    (r) => r.region === region && r.parameter === parameter && r.mode === mode && r.powertrain === powertrain && r.year === String(year),
  );
  if (row === undefined) throw new Error(`IEA has no ${region} ${parameter} ${mode} ${powertrain} ${year}`);
  return Number(row.value);
}

describe('the default dataset', () => {
  const dataset = loadDefaultDataset();

  it('takes every target and observation word for word from the facts list', () => {
    const figures = [...dataset.targets, ...dataset.observations];
    expect(figures.length).toBeGreaterThan(20);
    for (const figure of figures) {
      const quote = squash(figure.quote ?? '');
      expect(FACTS, figure.id).toContain(quote);
      expect(writtenForms(figure.value).some((form) => quote.includes(form)), `${figure.id}: ${figure.value} in "${quote}"`).toBe(true);
    }
  });

  it('cites each source as the facts list does', () => {
    const numbered = Object.values(SOURCES).filter((s: SourceRef) => s.ref.startsWith('['));
    expect(numbered.length).toBeGreaterThan(15);
    for (const source of numbered) {
      expect(FACTS).toContain(`${source.ref} ${source.citation}`);
      // A link is made only from a citation that is itself an address.
      if (source.url !== null) expect(source.url).toBe(`https://${source.citation}`);
    }
  });

  it('keeps both charging targets when the sources disagree, labelled apart', () => {
    const charging = dataset.targets.filter((t) => t.metric === 'charging_stations');
    expect(charging.map((t) => [t.value, t.sources[0]?.ref])).toEqual([
      [3_000, '[3]'],
      [10_000, '[8]'],
    ]);
    expect(new Set(charging.map((t) => t.label)).size).toBe(2);
  });

  it('has segment targets that add up to the 2.2 million summary', () => {
    const segments = dataset.targets.filter((t) => t.policyId === 'nev-2025-2030' && t.metric === 'cumulative_units' && t.scope !== 'all_vehicles');
    const total = segments.reduce((sum, t) => sum + t.value, 0);
    expect(total).toBe(2_158_339);
    expect(Math.round(total / 100_000) / 10).toBe(2.2);
  });

  it('labels the subsidy figures as a programme, never as observed sales', () => {
    const programme = dataset.observations.filter((o) => o.kind === 'programme');
    expect(programme.map((o) => [o.scope, o.value])).toEqual([
      ['two_wheeler', 116_053],
      ['three_wheeler', 3_171],
    ]);
  });
});

describe('the comparable markets', () => {
  it('copy the IEA subset exactly', () => {
    for (const series of COMPARABLE_SERIES) {
      for (const point of series.points) {
        expect(point.value * 100).toBeCloseTo(ieaValue(series.region, 'EV sales share', series.mode, 'EV', point.year), 9);
      }
    }
  });

  it('give China and India almost the same growth rate once past 1%', () => {
    const rates = COMPARABLE_SERIES.map((s) => fitLogistic(s.points, { saturation: 0.9 }).growthRate);
    // India: ln(0.02 / 0.88) − ln(0.012 / 0.888) = ln(1.681818…) = 0.519875.
    expect(rates[1]).toBeCloseTo(0.519875, 6);
    expect(rates[0]).toBeCloseTo(0.5173, 4);
  });

  it('give the charging ratio from IEA India 2023', () => {
    const stock =
      ieaValue('India', 'EV stock', 'Cars', 'BEV', 2023) +
      ieaValue('India', 'EV stock', 'Cars', 'PHEV', 2023) +
      ieaValue('India', 'EV stock', 'Buses', 'BEV', 2023) +
      ieaValue('India', 'EV stock', 'Vans', 'BEV', 2023);
    const points =
      ieaValue('India', 'EV charging points', 'EV', 'Publicly available fast', 2023) +
      ieaValue('India', 'EV charging points', 'EV', 'Publicly available slow', 2023);
    expect(DEFAULT_ASSUMPTIONS.charging.evsPerPublicChargingPoint.value).toBeCloseTo(stock / points, 12);
    expect(DEFAULT_ASSUMPTIONS.adoption.baseShareFallback.value.truck).toEqual({
      share: ieaValue('World', 'EV sales share', 'Trucks', 'EV', 2023) / 100,
      year: 2025,
    });
  });
});

describe('the assumptions', () => {
  it('each have an id, a label and a reason', () => {
    const all = listAssumptions(DEFAULT_ASSUMPTIONS);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    for (const a of all) {
      expect(a.label.length, a.id).toBeGreaterThan(10);
      expect(a.rationale.length, a.id).toBeGreaterThan(40);
    }
  });

  it('mix chemistries to 100% every year', () => {
    for (const [year, mix] of Object.entries(DEFAULT_ASSUMPTIONS.battery.chemistrySharesByYear.value)) {
      expect(mix.lfp + mix.nmc + mix.sodium_ion, year).toBeCloseTo(1, 12);
    }
  });

  it('keep pack sizes inside their stated ranges', () => {
    for (const segment of SEGMENTS) {
      const { kwh, lowKwh, highKwh } = DEFAULT_ASSUMPTIONS.battery.packSize[segment].value;
      expect(kwh).toBeGreaterThanOrEqual(lowKwh);
      expect(kwh).toBeLessThanOrEqual(highKwh);
    }
  });
});
