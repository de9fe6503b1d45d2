import { describe, expect, it } from 'vitest';
import { loadDefaultDataset } from '../../../src/domain/policy/dataset';
import { logisticValue } from '../../../src/domain/policy/logistic';
import { withObservations } from '../../../src/domain/policy/model';
import { projectScenario, type SegmentProjection } from '../../../src/domain/policy/projection';
import { SCENARIOS } from '../../../src/domain/policy/scenario';
import { LN2_COMPARABLE, buildDataset, buildObservation, scenario } from './factories';

function segmentOf(projection: ReturnType<typeof projectScenario>, segment: SegmentProjection['segment']): SegmentProjection {
  const found = projection.segments.find((s) => s.segment === segment);
  if (found === undefined) throw new Error(`no ${segment}`);
  return found;
}

describe('projectScenario on hand-computed cases', () => {
  it('infers the starting share from the stock and grows it along the borrowed curve', () => {
    const dataset = buildDataset(
      [buildObservation('car', 'cumulative_units', 2025, 100)],
      LN2_COMPARABLE,
    );
    const car = segmentOf(projectScenario(dataset, scenario('policy')), 'car');
    expect(car.method).toBe('anchored_stock');
    expect(car.referenceGrowthRate).toBeCloseTo(Math.log(2), 12);
    // s0 = (1 − e^−ln2) × 100 / 1,000 = 0.05.
    expect(car.anchor).toEqual({ year: 2025, value: expect.closeTo(0.05, 12) });
    // logit(0.05) = ln(0.05 / 0.85) = −ln 17; a year later −ln 17 + ln 2, so s = 0.9 / (1 + 17/2) = 0.9 / 9.5.
    const [y2025, y2026] = car.years;
    expect(y2025).toMatchObject({ year: 2025, stock: 100, evSales: expect.closeTo(50, 9) });
    expect(y2026?.salesShare).toBeCloseTo(0.9 / 9.5, 12);
    expect(y2026?.evSales).toBeCloseTo(900 / 9.5, 9);
    expect(y2026?.stock).toBeCloseTo(100 + 900 / 9.5, 9);
  });

  it('fits the growth rate when two years of shares are observed', () => {
    const truth = { saturation: 0.9, growthRate: 0.4, midpoint: 2030 };
    const dataset = buildDataset([
            buildObservation('car', 'sales_share', 2024, logisticValue(truth, 2024)),
      buildObservation('car', 'sales_share', 2025, logisticValue(truth, 2025)),
    ]);
    const car = segmentOf(projectScenario(dataset, scenario('policy')), 'car');
    expect(car.method).toBe('fitted');
    expect(car.curve.growthRate).toBeCloseTo(0.4, 12);
    // 2030 is the midpoint: half the ceiling.
    expect(car.years.find((y) => y.year === 2030)?.salesShare).toBeCloseTo(0.45, 12);
  });

  it('reads electric sales as a share of the market', () => {
    const dataset = buildDataset([buildObservation('car', 'ev_sales', 2025, 50)]);
    const car = segmentOf(projectScenario(dataset, scenario('policy')), 'car');
    expect(car.method).toBe('anchored_share');
    expect(car.anchor.value).toBeCloseTo(0.05, 12);
  });

  it('splits the 2/3-wheeler market and starts 3-wheelers from the 2-wheeler share', () => {
    const dataset = buildDataset(
      [buildObservation('two_wheeler', 'cumulative_units', 2025, 100)],
      LN2_COMPARABLE,
    );
    const projection = projectScenario(dataset, scenario('policy'));
    const r = 53_950 / 2_053_950;
    const two = segmentOf(projection, 'two_wheeler');
    const three = segmentOf(projection, 'three_wheeler');
    expect(two.market.value).toBeCloseTo(1_000 * (1 - r), 9);
    expect(three.market.value).toBeCloseTo(1_000 * r, 9);
    expect(three.method).toBe('borrowed');
    expect(three.anchor).toEqual(two.anchor);
    // No e-rickshaw stock observed: the stock the share implies, s0 M / (1 − e^−k) = 2 s0 M.
    expect(three.baseStock.observed).toBe(false);
    expect(three.baseStock.value).toBeCloseTo(2 * two.anchor.value * 1_000 * r, 9);
  });

  it('works a stock observed after the base year back to the base year', () => {
    const dataset = buildDataset(
      [buildObservation('car', 'sales_share', 2025, 0.05), buildObservation('car', 'cumulative_units', 2026, 500)],
      LN2_COMPARABLE,
    );
    const car = segmentOf(projectScenario(dataset, scenario('policy')), 'car');
    expect(car.years[1]?.stock).toBe(500);
    // 2026 sales 900 / 9.5 are taken away to give the end-2025 stock.
    expect(car.years[0]?.stock).toBeCloseTo(500 - 900 / 9.5, 9);
  });
});

describe('scenarios', () => {
  const dataset = buildDataset(
    [
            buildObservation('car', 'cumulative_units', 2025, 100),
      buildObservation('bus', 'cumulative_units', 2025, 100),
    ],
    LN2_COMPARABLE,
  );

  it('slows subsidised segments by the no-subsidy factor and leaves buses alone', () => {
    const projection = projectScenario(dataset, scenario('no-subsidy'));
    expect(segmentOf(projection, 'car').curve.growthRate).toBeCloseTo(Math.log(2) * 0.75, 12);
    expect(segmentOf(projection, 'bus').curve.growthRate).toBeCloseTo(Math.log(2), 12);
  });

  it('speeds or slows every segment with the pack-price decline', () => {
    // Flat prices against the 6.1% reference: factor 1 + 2 × (0 − (1 − 108/115)).
    const factor = 1 + 2 * (0 - (1 - 108 / 115));
    const projection = projectScenario(dataset, scenario('flat-prices-no-subsidy'));
    expect(segmentOf(projection, 'bus').curve.growthRate).toBeCloseTo(Math.log(2) * factor, 12);
    expect(segmentOf(projection, 'car').curve.growthRate).toBeCloseTo(Math.log(2) * factor * 0.75, 12);
  });

  it('keeps every scenario on the observed starting point', () => {
    for (const s of SCENARIOS) {
      const car = segmentOf(projectScenario(dataset, s), 'car');
      expect(logisticValue(car.curve, 2025)).toBeCloseTo(0.05, 12);
    }
  });
});

describe('projectScenario on the shipped dataset', () => {
  const dataset = loadDefaultDataset();
  const projection = projectScenario(dataset, scenario('policy'));

  it('borrows a growth rate of about 0.52 a year from China, cars, 2015–2023', () => {
    expect(projection.comparableGrowthRate).toBeCloseTo(0.5173, 4);
  });

  it('starts 2-wheelers from the share the 70,000 e-motorcycles imply', () => {
    const k = projection.comparableGrowthRate;
    const market = 1_518_752 * (1 - 53_950 / 2_053_950);
    const two = segmentOf(projection, 'two_wheeler');
    expect(two.anchor.value).toBeCloseTo(((1 - Math.exp(-k)) * 70_000) / market, 12);
    expect(two.years[0]?.stock).toBe(70_000);
  });

  it('adds up segments into totals', () => {
    const last = projection.totals.at(-1);
    const rows = projection.segments.map((s) => s.years.at(-1));
    expect(last?.year).toBe(2030);
    expect(last?.stock).toBeCloseTo(rows.reduce((t, r) => t + (r?.stock ?? 0), 0), 6);
    expect(last?.salesShare).toBeCloseTo((last?.evSales ?? 0) / (last?.marketSales ?? 1), 12);
  });

  it('orders scenarios from fast to slow', () => {
    const stock2030 = (id: string) => projectScenario(dataset, scenario(id)).totals.at(-1)?.stock ?? 0;
    expect(stock2030('fast-price-decline')).toBeGreaterThan(stock2030('policy'));
    expect(stock2030('policy')).toBeGreaterThan(stock2030('no-subsidy'));
    expect(stock2030('no-subsidy')).toBeGreaterThan(stock2030('flat-prices-no-subsidy'));
  });

  it('re-anchors a segment on imported observations', () => {
    const imported = withObservations(dataset, [
      buildObservation('car', 'sales_share', 2024, 0.01),
      buildObservation('car', 'sales_share', 2025, 0.02),
    ]);
    const car = segmentOf(projectScenario(imported, scenario('policy')), 'car');
    expect(car.method).toBe('fitted');
    // logit slope: ln(0.02 / 0.88) − ln(0.01 / 0.89).
    expect(car.curve.growthRate).toBeCloseTo(Math.log(0.02 / 0.88) - Math.log(0.01 / 0.89), 12);
  });

  it('meets every segment target exactly on the targets-met path', () => {
    const projection = projectScenario(dataset, scenario('targets-met'));
    const targets = dataset.targets.filter((t) => t.policyId === 'nev-2025-2030' && t.metric === 'cumulative_units');
    for (const segment of projection.segments) {
      const target = targets.find((t) => t.scope === segment.segment);
      expect(segment.years.at(-1)?.stock, segment.segment).toBeCloseTo(target?.value ?? Number.NaN, 3);
      // The curve still starts from what was observed.
      expect(segment.years[0]?.stock).toBe(projectScenario(dataset, scenario('policy')).segments.find((s) => s.segment === segment.segment)?.years[0]?.stock);
    }
  });
});
