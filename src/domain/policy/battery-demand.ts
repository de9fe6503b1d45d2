import {
  CHEMISTRIES,
  SEGMENTS,
  type BatteryAssumptions,
  type ChargingAssumptions,
  type Chemistry,
  type ChemistryShares,
  type Segment,
} from './model';
import type { ScenarioProjection } from './projection';

/** 1 GWh = 1,000,000 kWh. */
const KWH_PER_GWH = 1_000_000;

export interface BatteryDemandYear {
  readonly year: number;
  readonly gwhBySegment: Readonly<Record<Segment, number>>;
  readonly gwhByChemistry: Readonly<Record<Chemistry, number>>;
  readonly totalGwh: number;
  readonly chemistryShares: ChemistryShares;
  readonly packPriceUsdPerKwh: Readonly<Record<Chemistry, number>>;
  /** What the year's packs cost, US$ million. */
  readonly packValueUsdMillion: number;
}

export interface BatteryDemand {
  readonly scenarioId: string;
  readonly years: readonly BatteryDemandYear[];
  /** The largest year's demand and the year it falls in. */
  readonly peak: { readonly year: number; readonly gwh: number };
  /** Nameplate pack-assembly capacity that would assemble the peak year's packs locally. */
  readonly packAssemblyCapacityGwh: number;
}

/**
 * GWh of battery packs a year the projection's new electric vehicles need:
 * units × kWh per vehicle ÷ 1,000,000, split by the year's chemistry shares.
 */
export function batteryDemand(projection: ScenarioProjection, battery: BatteryAssumptions): BatteryDemand {
  const years = projection.totals.map(({ year }): BatteryDemandYear => {
    const gwhBySegment = Object.fromEntries(
      SEGMENTS.map((segment) => {
        const row = projection.segments.find((s) => s.segment === segment)?.years.find((y) => y.year === year);
        return [segment, ((row?.evSales ?? 0) * battery.packSize[segment].value.kwh) / KWH_PER_GWH];
      }),
    ) as Record<Segment, number>;
    const totalGwh = SEGMENTS.reduce((total, s) => total + gwhBySegment[s], 0);
    const chemistryShares = chemistrySharesIn(battery, year);
    const gwhByChemistry = mapChemistries((c) => totalGwh * chemistryShares[c]);
    const packPriceUsdPerKwh = packPricesIn(battery, year, projection.scenario.packPriceDeclinePerYear);
    // GWh × 1e6 kWh/GWh × $/kWh ÷ 1e6 $/$M: GWh times $/kWh is already US$ million.
    const packValueUsdMillion = CHEMISTRIES.reduce((total, c) => total + gwhByChemistry[c] * packPriceUsdPerKwh[c], 0);
    return { year, gwhBySegment, gwhByChemistry, totalGwh, chemistryShares, packPriceUsdPerKwh, packValueUsdMillion };
  });
  const peak = years.reduce(
    (best, y) => (y.totalGwh > best.gwh ? { year: y.year, gwh: y.totalGwh } : best),
    { year: projection.baseYear, gwh: 0 },
  );
  return {
    scenarioId: projection.scenario.id,
    years,
    peak,
    packAssemblyCapacityGwh: peak.gwh / battery.assemblyUtilisation.value,
  };
}

/** The chemistry mix of a year; outside the table, the nearest year's mix. */
export function chemistrySharesIn(battery: BatteryAssumptions, year: number): ChemistryShares {
  const table = battery.chemistrySharesByYear.value;
  const known = Object.keys(table).map(Number);
  if (known.length === 0) throw new Error('the chemistry mix table is empty');
  const nearest = known.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
  return table[nearest] as ChemistryShares;
}

/** Pack prices fall by the scenario's rate each year from the year they were surveyed. */
export function packPricesIn(
  battery: BatteryAssumptions,
  year: number,
  declinePerYear: number,
): Record<Chemistry, number> {
  const { year: surveyed, usdPerKwh } = battery.packPrice.value;
  return mapChemistries((c) => usdPerKwh[c] * (1 - declinePerYear) ** (year - surveyed));
}

export interface ChargersYear {
  readonly year: number;
  /** Electric vehicles on the road in the segments that rely on public charging. */
  readonly vehiclesUsingPublicCharging: number;
  readonly publicChargingPoints: number;
}

/** Public charging points the projected stock implies at the comparable market's ratio. */
export function chargersImplied(projection: ScenarioProjection, charging: ChargingAssumptions): ChargersYear[] {
  const segments = charging.segmentsUsingPublicCharging.value;
  return projection.totals.map(({ year }) => {
    const vehicles = projection.segments
      .filter((s) => segments.includes(s.segment))
      .reduce((total, s) => total + (s.years.find((y) => y.year === year)?.stock ?? 0), 0);
    return {
      year,
      vehiclesUsingPublicCharging: vehicles,
      publicChargingPoints: vehicles / charging.evsPerPublicChargingPoint.value,
    };
  });
}

function mapChemistries(valueOf: (c: Chemistry) => number): Record<Chemistry, number> {
  return Object.fromEntries(CHEMISTRIES.map((c) => [c, valueOf(c)])) as Record<Chemistry, number>;
}
