import {
  baseShareFromStock,
  fitLogistic,
  logisticThrough,
  logisticValue,
  type LogisticCurve,
  type YearValue,
} from './logistic';
import { SEGMENTS, type Observation, type PolicyDataset, type Segment } from './model';
import { requiredCurveForStock } from './required-path';
import { growthFactor, type Scenario } from './scenario';

/**
 * How a segment's S-curve was started:
 * - `fitted`: two or more years of observed sales shares; the growth rate is fitted to them.
 * - `anchored_share`: one observed share; the growth rate is borrowed from the comparable market.
 * - `anchored_stock`: no share, but the stock on the road; the base-year share is inferred from it
 *   (see baseShareFromStock) and the growth rate is borrowed.
 * - `borrowed`: nothing observed; the starting share is an assumption.
 */
export type CurveMethod = 'fitted' | 'anchored_share' | 'anchored_stock' | 'borrowed';

export interface SegmentYear {
  readonly year: number;
  /** All new vehicles of the segment sold in the year. */
  readonly marketSales: number;
  readonly salesShare: number;
  readonly evSales: number;
  /**
   * Electric vehicles on the road at the end of the year: the counted stock plus later sales.
   * None are retired: vehicles bought since the count are too new to scrap within the horizon.
   */
  readonly stock: number;
}

export interface SegmentProjection {
  readonly segment: Segment;
  readonly method: CurveMethod;
  /** The point the curve is pinned to: the latest observed (or inferred) sales share. */
  readonly anchor: YearValue;
  /** The growth rate before the scenario acts on it. */
  readonly referenceGrowthRate: number;
  readonly growthFactor: number;
  readonly curve: LogisticCurve;
  readonly market: YearValue;
  readonly baseStock: YearValue & { readonly observed: boolean };
  readonly years: readonly SegmentYear[];
  /** Caveats a reader of this segment's numbers should see. */
  readonly notes: readonly string[];
}

export interface ProjectionTotal {
  readonly year: number;
  readonly marketSales: number;
  readonly evSales: number;
  readonly salesShare: number;
  readonly stock: number;
}

export interface ScenarioProjection {
  readonly scenario: Scenario;
  readonly baseYear: number;
  readonly horizonYear: number;
  /** Growth rate of the comparable market's logistic, with the dataset's ceiling. */
  readonly comparableGrowthRate: number;
  readonly segments: readonly SegmentProjection[];
  readonly totals: readonly ProjectionTotal[];
}

interface Anchor {
  readonly method: CurveMethod;
  readonly anchor: YearValue;
  readonly growthRate: number;
  readonly notes?: readonly string[];
}

/** A curve this steep reaches its ceiling within a year: the fastest a target path can go. */
const STEEPEST_GROWTH = 50;

/** Above this, a share inferred from stock says more about the sales count than about adoption. */
const HIGH_INFERRED_SHARE = 0.1;

/**
 * Each segment's electric share of sales, electric sales and electric vehicles on the road, every
 * year from the base year to the horizon, under one scenario.
 */
export function projectScenario(dataset: PolicyDataset, scenario: Scenario): ScenarioProjection {
  const adoption = dataset.assumptions.adoption;
  const saturation = adoption.saturationShare.value;
  const comparable = dataset.comparables.find((c) => c.id === adoption.comparableSeriesId.value);
  if (comparable === undefined) {
    throw new Error(`comparable series "${adoption.comparableSeriesId.value}" is not in the dataset`);
  }
  const comparableGrowthRate = fitLogistic(comparable.points, { saturation }).growthRate;
  const years = range(dataset.baseYear, dataset.horizonYear);
  const markets = new Map(SEGMENTS.map((s) => [s, marketFor(dataset, s)] as const));
  const marketIn = (segment: Segment, year: number): number => {
    const m = markets.get(segment) as YearValue;
    return m.value * (1 + adoption.marketGrowthPerYear.value) ** (year - m.year);
  };

  const anchors = new Map<Segment, Anchor>();
  const anchorFor = (segment: Segment, visiting: readonly Segment[] = []): Anchor => {
    const known = anchors.get(segment);
    if (known !== undefined) return known;
    if (visiting.includes(segment)) throw new Error(`base share fallbacks loop through ${segment}`);
    const found =
      observedAnchor(dataset, segment, saturation, comparableGrowthRate, marketIn) ??
      fallbackAnchor(dataset, segment, comparableGrowthRate, (s) => anchorFor(s, [...visiting, segment]));
    anchors.set(segment, found);
    return found;
  };

  const segments = SEGMENTS.map((segment): SegmentProjection => {
    const { method, anchor, growthRate, notes: anchorNotes = [] } = anchorFor(segment);
    const baseStock = stockFor(dataset, segment, anchor, growthRate, marketIn);
    const notes = [...anchorNotes];
    let factor = growthFactor(scenario, segment, adoption);
    if (scenario.path === 'targets') {
      const meeting = growthToMeetTarget(dataset, segment, { anchor, saturation, stock: baseStock, marketIn });
      factor = meeting.growthRate / nonZero(growthRate);
      if (meeting.note !== null) notes.push(meeting.note);
    }
    const curve = logisticThrough(anchor, nonZero(growthRate * factor), saturation);
    const evSalesIn = (year: number): number => logisticValue(curve, year) * marketIn(segment, year);
    const rows = years.map((year) => ({
      year,
      marketSales: marketIn(segment, year),
      salesShare: logisticValue(curve, year),
      evSales: evSalesIn(year),
    }));
    return {
      segment,
      method,
      anchor,
      referenceGrowthRate: growthRate,
      growthFactor: factor,
      curve,
      market: markets.get(segment) as YearValue,
      baseStock,
      years: withStock(rows, baseStock, evSalesIn),
      notes,
    };
  });

  const totals = years.map((year, i): ProjectionTotal => {
    const rows = segments.map((s) => s.years[i] as SegmentYear);
    const marketSales = sum(rows.map((r) => r.marketSales));
    const evSales = sum(rows.map((r) => r.evSales));
    return { year, marketSales, evSales, salesShare: evSales / marketSales, stock: sum(rows.map((r) => r.stock)) };
  });

  return {
    scenario,
    baseYear: dataset.baseYear,
    horizonYear: dataset.horizonYear,
    comparableGrowthRate,
    segments,
    totals,
  };
}

/** The latest observation of a kind; of two in the same year, the one listed later wins. */
export function latestObservation(
  observations: readonly Observation[],
  match: (o: Observation) => boolean,
): Observation | undefined {
  let latest: Observation | undefined;
  for (const o of observations) {
    if (match(o) && (latest === undefined || o.period.year >= latest.period.year)) latest = o;
  }
  return latest;
}

/** The growth rate whose S-curve puts exactly the current policy's 2030 stock on the road. */
function growthToMeetTarget(
  dataset: PolicyDataset,
  segment: Segment,
  start: {
    anchor: YearValue;
    saturation: number;
    stock: YearValue;
    marketIn: (segment: Segment, year: number) => number;
  },
): { growthRate: number; note: string | null } {
  const target = dataset.targets.find(
    (t) =>
      t.scope === segment &&
      t.metric === 'cumulative_units' &&
      t.year === dataset.horizonYear &&
      dataset.policies.some((p) => p.id === t.policyId && p.status === 'current'),
  );
  if (target === undefined) throw new Error(`no ${dataset.horizonYear} stock target for ${segment}`);
  const required = requiredCurveForStock({
    ...start,
    marketIn: (year) => start.marketIn(segment, year),
    target: { year: target.year, value: target.value },
  });
  if (required === null) {
    const note = `The ${target.year} target is out of reach below the ceiling; the curve rises as fast as it can.`;
    return { growthRate: STEEPEST_GROWTH, note };
  }
  return { growthRate: required.growthRate, note: null };
}

function marketFor(dataset: PolicyDataset, segment: Segment): YearValue {
  const observed = dataset.observations.filter((o) => o.kind === 'observed' && o.metric === 'market_sales');
  const direct = latestObservation(observed, (o) => o.scope === segment);
  const combined =
    segment === 'two_wheeler' || segment === 'three_wheeler'
      ? latestObservation(observed, (o) => o.scope === 'two_and_three_wheelers')
      : undefined;
  if (combined !== undefined && (direct === undefined || combined.period.year > direct.period.year)) {
    const threeWheelerShare = dataset.assumptions.adoption.threeWheelerShareOfCombinedMarket.value;
    const share = segment === 'three_wheeler' ? threeWheelerShare : 1 - threeWheelerShare;
    return { year: combined.period.year, value: combined.value * share };
  }
  if (direct === undefined) throw new Error(`no observed market sales for ${segment}`);
  return { year: direct.period.year, value: direct.value };
}

function observedAnchor(
  dataset: PolicyDataset,
  segment: Segment,
  saturation: number,
  comparableGrowthRate: number,
  marketIn: (segment: Segment, year: number) => number,
): Anchor | undefined {
  const observed = dataset.observations.filter((o) => o.kind === 'observed' && o.scope === segment);
  const byYear = new Map<number, number>();
  for (const o of observed) {
    if (o.metric === 'sales_share') byYear.set(o.period.year, o.value);
    if (o.metric === 'ev_sales') byYear.set(o.period.year, o.value / marketIn(segment, o.period.year));
  }
  const shares = [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
  const latest = shares[shares.length - 1];
  if (latest !== undefined && shares.length >= 2) {
    return { method: 'fitted', anchor: latest, growthRate: fitLogistic(shares, { saturation }).growthRate };
  }
  if (latest !== undefined) return { method: 'anchored_share', anchor: latest, growthRate: comparableGrowthRate };
  const stock = latestObservation(observed, (o) => o.metric === 'cumulative_units');
  if (stock === undefined) return undefined;
  const share = baseShareFromStock(stock.value, marketIn(segment, stock.period.year), comparableGrowthRate);
  // A stock large against yearly sales (imports outside the sales count) must not start the
  // curve at or above its ceiling.
  const anchor = { year: stock.period.year, value: Math.min(share, saturation * 0.95) };
  const market = Math.round(marketIn(segment, stock.period.year));
  const notes =
    anchor.value > HIGH_INFERRED_SHARE
      ? [
          `The stock (${stock.value}) is large against yearly sales (${market}), so the starting share inferred from it (${(anchor.value * 100).toFixed(1)}%) is high; vehicles bought outside the sales count would explain it.`,
        ]
      : [];
  return { method: 'anchored_stock', anchor, growthRate: comparableGrowthRate, notes };
}

function fallbackAnchor(
  dataset: PolicyDataset,
  segment: Segment,
  comparableGrowthRate: number,
  anchorOf: (segment: Segment) => Anchor,
): Anchor {
  const fallback = dataset.assumptions.adoption.baseShareFallback.value[segment];
  if (fallback === undefined) {
    throw new Error(`${segment} has no observation and no base share assumption`);
  }
  if ('borrowFrom' in fallback) {
    const from = anchorOf(fallback.borrowFrom);
    return { method: 'borrowed', anchor: from.anchor, growthRate: from.growthRate };
  }
  return {
    method: 'borrowed',
    anchor: { year: fallback.year, value: fallback.share },
    growthRate: comparableGrowthRate,
  };
}

/**
 * The observed stock, or, where none is observed, the stock the starting share implies if sales
 * grew at the reference rate until then (the inverse of baseShareFromStock).
 */
function stockFor(
  dataset: PolicyDataset,
  segment: Segment,
  anchor: YearValue,
  growthRate: number,
  marketIn: (segment: Segment, year: number) => number,
): YearValue & { observed: boolean } {
  const observed = latestObservation(
    dataset.observations,
    (o) => o.kind === 'observed' && o.scope === segment && o.metric === 'cumulative_units',
  );
  if (observed !== undefined) return { year: observed.period.year, value: observed.value, observed: true };
  const implied = (anchor.value * marketIn(segment, anchor.year)) / (1 - Math.exp(-Math.max(growthRate, 1e-9)));
  return { year: anchor.year, value: implied, observed: false };
}

/**
 * Stock runs forward from the year it is known by adding each later year's sales, and backward
 * by taking them away, so an observation from any year lands on the projection's years.
 */
function withStock(
  rows: readonly Omit<SegmentYear, 'stock'>[],
  known: YearValue,
  evSalesIn: (year: number) => number,
): SegmentYear[] {
  return rows.map((r) => {
    let stock = known.value;
    for (let year = known.year + 1; year <= r.year; year++) stock += evSalesIn(year);
    for (let year = known.year; year > r.year; year--) stock -= evSalesIn(year);
    return { ...r, stock: Math.max(0, stock) };
  });
}

function nonZero(rate: number): number {
  return rate === 0 ? 1e-9 : rate;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
