/**
 * The vocabulary of the NEV policy and market tracker: policies, their targets, observations of
 * the market, and the assumptions a projection needs. Every figure carries the sources it came
 * from, so any screen that shows it can link to them.
 */

/** Vehicle segments the NEV Policy 2025–2030 sets targets for. */
export const SEGMENTS = ['two_wheeler', 'three_wheeler', 'car', 'bus', 'truck'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_LABELS: Readonly<Record<Segment, string>> = {
  two_wheeler: '2-wheelers',
  three_wheeler: '3-wheelers',
  car: 'Cars',
  bus: 'Buses',
  truck: 'Trucks',
};

/**
 * Some figures cover several segments at once: PAMA reports motorcycles and rickshaws together,
 * and the 30%-of-sales target is for all new vehicles.
 */
export const SEGMENT_GROUPS = {
  two_and_three_wheelers: ['two_wheeler', 'three_wheeler'],
  all_vehicles: SEGMENTS,
} as const satisfies Record<string, readonly Segment[]>;
export type SegmentGroup = keyof typeof SEGMENT_GROUPS;

/** What a figure is about: one segment or a group of them. */
export type SegmentScope = Segment | SegmentGroup;

export const SCOPE_LABELS: Readonly<Record<SegmentScope, string>> = {
  ...SEGMENT_LABELS,
  two_and_three_wheelers: '2- and 3-wheelers',
  all_vehicles: 'All vehicles',
};

export function segmentsIn(scope: SegmentScope): readonly Segment[] {
  return scope in SEGMENT_GROUPS ? SEGMENT_GROUPS[scope as SegmentGroup] : [scope as Segment];
}

export function isSegment(value: string): value is Segment {
  return (SEGMENTS as readonly string[]).includes(value);
}

export function isSegmentScope(value: string): value is SegmentScope {
  return value in SCOPE_LABELS;
}

/**
 * - `sales_share`: electric share of new vehicle sales, a fraction 0–1.
 * - `cumulative_units`: electric vehicles on the road (targets count them cumulatively).
 * - `ev_sales`: electric vehicles sold (or funded, for a programme) in the period.
 * - `market_sales`: all new vehicles sold in the period, every powertrain.
 * - `charging_stations`: public charging stations (a station may have several charging points).
 */
export const METRICS = [
  'sales_share',
  'cumulative_units',
  'ev_sales',
  'market_sales',
  'charging_stations',
] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  sales_share: 'Electric share of new sales',
  cumulative_units: 'Electric vehicles on the road',
  ev_sales: 'Electric vehicles sold',
  market_sales: 'New vehicles sold, all powertrains',
  charging_stations: 'Public charging stations',
};

export function isMetric(value: string): value is Metric {
  return (METRICS as readonly string[]).includes(value);
}

/** Where a figure comes from. `url` is null when the source list gives only a site and title. */
export interface SourceRef {
  /** The number in the domain facts list, e.g. "[18]", or a short name such as "IEA 2024". */
  readonly ref: string;
  readonly citation: string;
  readonly url: string | null;
}

/**
 * A period of observation. Pakistani statistics run on fiscal years (July–June); a period is
 * placed on the projection's time axis by the year it ends in, so FY2024-25 counts as 2025.
 */
export interface Period {
  readonly label: string;
  readonly year: number;
}

export interface Policy {
  readonly id: string;
  readonly name: string;
  readonly status: 'current' | 'superseded' | 'announced';
  /** First and last year the policy covers. */
  readonly years: readonly [number, number];
  readonly note: string;
  readonly sources: readonly SourceRef[];
}

export interface PolicyTarget {
  readonly id: string;
  readonly policyId: string;
  readonly scope: SegmentScope;
  readonly metric: Metric;
  /** The target is to be met by the end of this year. */
  readonly year: number;
  readonly value: number;
  /** Tells two targets for the same thing apart when sources disagree. */
  readonly label: string;
  /** The words of the domain facts the value is taken from, so it can be checked against them. */
  readonly quote: string;
  readonly note?: string;
  readonly sources: readonly SourceRef[];
}

/**
 * `observed` figures describe the market; `programme` figures are what a government scheme
 * funds or plans, shown beside the observations but never fitted as if they were sales.
 */
export type ObservationKind = 'observed' | 'programme';

export interface Observation {
  readonly id: string;
  readonly scope: SegmentScope;
  readonly metric: Metric;
  readonly period: Period;
  readonly value: number;
  readonly kind: ObservationKind;
  readonly label: string;
  readonly quote?: string;
  readonly note?: string;
  readonly sources: readonly SourceRef[];
}

/** A value the projection needs that no source gives directly: stated, reasoned and labelled. */
export interface Assumption<T> {
  readonly id: string;
  readonly label: string;
  readonly value: T;
  readonly rationale: string;
  /** Sources of the inputs the assumption is reasoned from; empty when it is a judgement. */
  readonly sources: readonly SourceRef[];
}

export const CHEMISTRIES = ['lfp', 'nmc', 'sodium_ion'] as const;
export type Chemistry = (typeof CHEMISTRIES)[number];

export const CHEMISTRY_LABELS: Readonly<Record<Chemistry, string>> = {
  lfp: 'LFP',
  nmc: 'NMC',
  sodium_ion: 'Sodium-ion',
};

export type ChemistryShares = Readonly<Record<Chemistry, number>>;

export interface PackSize {
  /** Central value used by the projection, kWh per vehicle. */
  readonly kwh: number;
  readonly lowKwh: number;
  readonly highKwh: number;
}

/** A run of IEA figures from a comparable market, used where Pakistan's own are too few. */
export interface ComparableSeries {
  readonly id: string;
  readonly region: string;
  readonly mode: string;
  readonly metric: 'sales_share';
  readonly points: readonly { readonly year: number; readonly value: number }[];
  readonly note: string;
  readonly sources: readonly SourceRef[];
}

/** How to start a segment's curve when Pakistan has no observation of it. */
export type BaseShareFallback =
  | { readonly borrowFrom: Segment }
  | { readonly share: number; readonly year: number };

export interface AdoptionAssumptions {
  readonly saturationShare: Assumption<number>;
  readonly comparableSeriesId: Assumption<string>;
  readonly threeWheelerShareOfCombinedMarket: Assumption<number>;
  readonly marketGrowthPerYear: Assumption<number>;
  readonly baseShareFallback: Assumption<Readonly<Partial<Record<Segment, BaseShareFallback>>>>;
  readonly subsidisedSegments: Assumption<readonly Segment[]>;
  readonly growthFactorWithoutSubsidy: Assumption<number>;
  readonly referencePackPriceDecline: Assumption<number>;
  readonly growthPerPointOfPriceDecline: Assumption<number>;
}

export interface BatteryAssumptions {
  readonly packSize: Readonly<Record<Segment, Assumption<PackSize>>>;
  readonly chemistrySharesByYear: Assumption<Readonly<Record<number, ChemistryShares>>>;
  /** US$ per kWh of pack by chemistry in `year`; scenarios let it fall from there. */
  readonly packPrice: Assumption<{ readonly year: number; readonly usdPerKwh: Readonly<Record<Chemistry, number>> }>;
  readonly assemblyUtilisation: Assumption<number>;
}

export interface ChargingAssumptions {
  /** Vehicles per public charging point, from the comparable market. */
  readonly evsPerPublicChargingPoint: Assumption<number>;
  readonly segmentsUsingPublicCharging: Assumption<readonly Segment[]>;
}

export interface PolicyAssumptions {
  readonly adoption: AdoptionAssumptions;
  readonly battery: BatteryAssumptions;
  readonly charging: ChargingAssumptions;
}

export interface PolicyDataset {
  /** The last year with observations; the projection starts here. */
  readonly baseYear: number;
  /** The year the current policy's targets fall due; the projection ends here. */
  readonly horizonYear: number;
  readonly policies: readonly Policy[];
  readonly targets: readonly PolicyTarget[];
  readonly observations: readonly Observation[];
  readonly comparables: readonly ComparableSeries[];
  readonly assumptions: PolicyAssumptions;
}

/** Every assumption in the dataset, in a stable order, for listing on a page or in a report. */
export function listAssumptions(assumptions: PolicyAssumptions): Assumption<unknown>[] {
  return [
    ...Object.values(assumptions.adoption),
    ...Object.values(assumptions.battery.packSize),
    assumptions.battery.chemistrySharesByYear,
    assumptions.battery.packPrice,
    assumptions.battery.assemblyUtilisation,
    ...Object.values(assumptions.charging),
  ] as Assumption<unknown>[];
}

/**
 * A new dataset with imported observations added after the shipped ones. The projection keeps
 * its base year; a later observation re-anchors the segment's curve (see projection.ts).
 */
export function withObservations(
  dataset: PolicyDataset,
  observations: readonly Observation[],
): PolicyDataset {
  return { ...dataset, observations: [...dataset.observations, ...observations] };
}
