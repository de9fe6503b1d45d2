import { describe, expect, it } from 'vitest';
import {
  batteryDemand,
  chargersImplied,
  chemistrySharesIn,
  packPricesIn,
} from '../../../src/domain/policy/battery-demand';
import { DEFAULT_ASSUMPTIONS } from '../../../src/domain/policy/assumptions';
import { loadDefaultDataset } from '../../../src/domain/policy/dataset';
import { SEGMENTS, type Segment } from '../../../src/domain/policy/model';
import { projectScenario, type ScenarioProjection } from '../../../src/domain/policy/projection';
import { scenario } from './factories';

const battery = DEFAULT_ASSUMPTIONS.battery;

/** A projection of one year with the given electric sales and stock, and nothing else. */
function projectionOf(
  year: number,
  rows: Partial<Record<Segment, { evSales: number; stock: number }>>,
  packPriceDeclinePerYear = 0,
): ScenarioProjection {
  return {
    scenario: { ...scenario('policy'), packPriceDeclinePerYear },
    baseYear: year,
    horizonYear: year,
    comparableGrowthRate: 0.5,
    segments: SEGMENTS.map((segment) => {
      const row = rows[segment] ?? { evSales: 0, stock: 0 };
      return {
        segment,
        method: 'anchored_share' as const,
        anchor: { year, value: 0.1 },
        referenceGrowthRate: 0.5,
        growthFactor: 1,
        curve: { saturation: 0.9, growthRate: 0.5, midpoint: year + 5 },
        market: { year, value: 1 },
        baseStock: { year, value: row.stock, observed: true },
        years: [{ year, marketSales: 1, salesShare: 0.1, ...row }],
        notes: [],
      };
    }),
    totals: [{ year, marketSales: 5, evSales: 0, salesShare: 0, stock: 0 }],
  };
}

describe('batteryDemand', () => {
  it('turns units into GWh by kWh per vehicle and splits them by chemistry', () => {
    // 100,000 e-bikes × 2 kWh + 1,000 cars × 50 kWh = 200,000 + 50,000 kWh = 0.25 GWh.
    // 2030 mix: LFP 82%, NMC 10%, sodium-ion 8% → 0.205, 0.025, 0.02 GWh.
    const demand = batteryDemand(
      projectionOf(2030, { two_wheeler: { evSales: 100_000, stock: 0 }, car: { evSales: 1_000, stock: 0 } }),
      battery,
    );
    const [year] = demand.years;
    expect(year?.gwhBySegment.two_wheeler).toBeCloseTo(0.2, 12);
    expect(year?.gwhBySegment.car).toBeCloseTo(0.05, 12);
    expect(year?.totalGwh).toBeCloseTo(0.25, 12);
    expect(year?.gwhByChemistry).toEqual({
      lfp: expect.closeTo(0.205, 12),
      nmc: expect.closeTo(0.025, 12),
      sodium_ion: expect.closeTo(0.02, 12),
    });
    // Prices five years on at 0% decline: 0.205 × $81 + 0.025 × $128 + 0.02 × $81 = $21.425 m.
    expect(year?.packValueUsdMillion).toBeCloseTo(21.425, 9);
    // 0.25 GWh at 80% utilisation needs 0.3125 GWh of lines.
    expect(demand.packAssemblyCapacityGwh).toBeCloseTo(0.3125, 12);
    expect(demand.peak).toEqual({ year: 2030, gwh: expect.closeTo(0.25, 12) });
  });

  it('gives every segment its own pack size', () => {
    // 10 buses × 300 kWh + 10 trucks × 200 kWh + 100 rickshaws × 6 kWh = 3,000 + 2,000 + 600 kWh.
    const demand = batteryDemand(
      projectionOf(2027, {
        bus: { evSales: 10, stock: 0 },
        truck: { evSales: 10, stock: 0 },
        three_wheeler: { evSales: 100, stock: 0 },
      }),
      battery,
    );
    expect(demand.years[0]?.totalGwh).toBeCloseTo(0.0056, 12);
  });

  it('adds up to the projection on the shipped dataset', () => {
    const dataset = loadDefaultDataset();
    const projection = projectScenario(dataset, scenario('policy'));
    const demand = batteryDemand(projection, dataset.assumptions.battery);
    expect(demand.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    for (const y of demand.years) {
      const byHand = projection.segments.reduce((total, s) => {
        const sales = s.years.find((r) => r.year === y.year)?.evSales ?? 0;
        return total + (sales * battery.packSize[s.segment].value.kwh) / 1e6;
      }, 0);
      expect(y.totalGwh).toBeCloseTo(byHand, 12);
      expect(y.gwhByChemistry.lfp + y.gwhByChemistry.nmc + y.gwhByChemistry.sodium_ion).toBeCloseTo(y.totalGwh, 12);
    }
  });
});

describe('chemistry mix and prices', () => {
  it('uses the nearest year outside the table', () => {
    expect(chemistrySharesIn(battery, 2040)).toEqual(chemistrySharesIn(battery, 2030));
    expect(chemistrySharesIn(battery, 2020)).toEqual({ lfp: 0.84, nmc: 0.15, sodium_ion: 0.01 });
  });

  it('lets pack prices fall by the scenario rate from the survey year', () => {
    // $81 × 0.9² = $65.61 two years after 2025 at 10% a year.
    expect(packPricesIn(battery, 2027, 0.1).lfp).toBeCloseTo(65.61, 12);
    expect(packPricesIn(battery, 2025, 0.1).nmc).toBe(128);
  });
});

describe('chargersImplied', () => {
  it('divides the stock of cars, buses and trucks by vehicles per charging point', () => {
    // India 2023: 166,090 plug-in vehicles / 10,900 points; 2-wheelers are left out.
    const ratio = 166_090 / 10_900;
    const [year] = chargersImplied(
      projectionOf(2030, {
        car: { evSales: 0, stock: 10 * ratio },
        bus: { evSales: 0, stock: 5 * ratio },
        two_wheeler: { evSales: 0, stock: 1_000_000 },
      }),
      DEFAULT_ASSUMPTIONS.charging,
    );
    expect(year?.publicChargingPoints).toBeCloseTo(15, 9);
    expect(year?.vehiclesUsingPublicCharging).toBeCloseTo(15 * ratio, 9);
  });
});
