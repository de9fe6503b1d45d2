import { DEFAULT_ASSUMPTIONS, COMPARABLE_SERIES } from './assumptions';
import type { Observation, Policy, PolicyDataset, PolicyTarget, Segment } from './model';
import { SOURCES } from './sources';

/**
 * The tracker's default dataset: the figures of the domain facts list (reference/FACTS.md),
 * each with its source and the words it was taken from. Where sources disagree both figures are
 * kept, labelled by source.
 */

export const NEV_POLICY_ID = 'nev-2025-2030';
export const EARLIER_EV_POLICY_ID = 'ev-2019-2020';
export const BATTERY_POLICY_ID = 'battery-manufacturing-2026-2031';

const POLICIES: readonly Policy[] = [
  {
    id: NEV_POLICY_ID,
    name: 'National Electric Vehicle Policy 2025–2030',
    status: 'current',
    years: [2025, 2030],
    note: 'Launched 19 June 2025. Net-zero transport emissions by 2060. No year-by-year path is published.',
    sources: [SOURCES.dawn1918321, SOURCES.brecorder40368907],
  },
  {
    id: EARLIER_EV_POLICY_ID,
    name: 'Electric Vehicle Policy 2019/2020',
    status: 'superseded',
    years: [2020, 2040],
    note: 'The earlier policy, replaced by the NEV Policy 2025–2030; shown for comparison.',
    sources: [SOURCES.dawnEditorial2021],
  },
  {
    id: BATTERY_POLICY_ID,
    name: 'Battery Manufacturing Policy 2026–31',
    status: 'announced',
    years: [2026, 2031],
    note: 'Picks LFP for first local production. Pakistan imports cells and assembles packs; raw materials 0% duty, finished batteries 12%.',
    sources: [SOURCES.profitBatteryPolicy, SOURCES.appBatteryPolicy],
  },
];

function segmentTarget(segment: Segment, value: number, quote: string): PolicyTarget {
  return {
    id: `${NEV_POLICY_ID}/cumulative_units/${segment}`,
    policyId: NEV_POLICY_ID,
    scope: segment,
    metric: 'cumulative_units',
    year: 2030,
    value,
    label: 'Electric vehicles on the road by 2030',
    quote,
    sources: [SOURCES.arynewsEbikeScheme],
  };
}

function earlierShareTarget(segment: Segment, value: number, quote: string): PolicyTarget {
  return {
    id: `${EARLIER_EV_POLICY_ID}/sales_share/${segment}`,
    policyId: EARLIER_EV_POLICY_ID,
    scope: segment,
    metric: 'sales_share',
    year: 2030,
    value,
    label: 'Electric share of new sales by 2030 (earlier policy)',
    quote,
    note: 'The summary names the segments together; the share is read as applying to each.',
    sources: [SOURCES.dawnEditorial2021],
  };
}

const CHARGING_DISAGREEMENT =
  'Sources disagree: 3,000 stations [3] or 10,000 [8]. The policy also plans 40 motorway stations ~105 km apart [1].';

const TARGETS: readonly PolicyTarget[] = [
  // The segment targets sum to 2,158,339, which the 2.2 million summary [3] rounds.
  segmentTarget('two_wheeler', 2_000_000, '2,000,000 e-bikes'),
  segmentTarget('three_wheeler', 53_950, '53,950 e-rickshaws'),
  segmentTarget('car', 99_155, '99,155 e-cars'),
  segmentTarget('bus', 2_238, '2,238 e-buses'),
  segmentTarget('truck', 2_996, '2,996 e-trucks'),
  {
    id: `${NEV_POLICY_ID}/sales_share/all_vehicles`,
    policyId: NEV_POLICY_ID,
    scope: 'all_vehicles',
    metric: 'sales_share',
    year: 2030,
    value: 0.3,
    label: 'Electric share of new vehicle sales by 2030',
    quote: '30% of new vehicle sales electric by 2030',
    sources: [SOURCES.dawn1918321, SOURCES.brecorder40368907],
  },
  {
    id: `${NEV_POLICY_ID}/cumulative_units/all_vehicles`,
    policyId: NEV_POLICY_ID,
    scope: 'all_vehicles',
    metric: 'cumulative_units',
    year: 2030,
    value: 2_200_000,
    label: 'NEVs on the road by 2030 (one summary)',
    quote: '2.2 million NEVs by 2030',
    sources: [SOURCES.techjuiceTargets],
  },
  {
    id: `${NEV_POLICY_ID}/charging_stations/all_vehicles/techjuice-targets`,
    policyId: NEV_POLICY_ID,
    scope: 'all_vehicles',
    metric: 'charging_stations',
    year: 2030,
    value: 3_000,
    label: 'Charging stations by 2030 (the lower of two reported figures)',
    quote: '2030 target 3,000 stations [3]',
    note: CHARGING_DISAGREEMENT,
    sources: [SOURCES.techjuiceTargets],
  },
  {
    id: `${NEV_POLICY_ID}/charging_stations/all_vehicles/techjuice-subsidy`,
    policyId: NEV_POLICY_ID,
    scope: 'all_vehicles',
    metric: 'charging_stations',
    year: 2030,
    value: 10_000,
    label: 'Charging stations by 2030 (the higher of two reported figures)',
    quote: 'or 10,000 [8]',
    note: CHARGING_DISAGREEMENT,
    sources: [SOURCES.techjuiceSubsidy],
  },
  earlierShareTarget('two_wheeler', 0.5, '50% of 2/3-wheelers electric by 2030'),
  earlierShareTarget('three_wheeler', 0.5, '50% of 2/3-wheelers electric by 2030'),
  earlierShareTarget('car', 0.3, '30% of new cars/buses/trucks'),
  earlierShareTarget('bus', 0.3, '30% of new cars/buses/trucks'),
  earlierShareTarget('truck', 0.3, '30% of new cars/buses/trucks'),
  {
    id: `${EARLIER_EV_POLICY_ID}/sales_share/all_vehicles/2040`,
    policyId: EARLIER_EV_POLICY_ID,
    scope: 'all_vehicles',
    metric: 'sales_share',
    year: 2040,
    value: 0.9,
    label: 'Electric share of new sales by 2040 (earlier policy)',
    quote: '90% by 2040',
    sources: [SOURCES.dawnEditorial2021],
  },
];

const FY2024_25 = { label: 'FY2024-25', year: 2025 } as const;
const FY2025_26 = { label: 'FY2025-26', year: 2026 } as const;

function pamaSales(id: string, scope: Observation['scope'], value: number, quote: string): Observation {
  return {
    id: `pama-fy2024-25/${id}`,
    scope,
    metric: 'market_sales',
    period: FY2024_25,
    value,
    kind: 'observed',
    label: 'New vehicles sold, all powertrains (PAMA)',
    quote,
    sources: [SOURCES.brecorder40372068],
  };
}

function evStock(segment: Segment, value: number, quote: string): Observation {
  return {
    id: `ev-stock-2025/${segment}`,
    scope: segment,
    metric: 'cumulative_units',
    period: { label: '2025', year: 2025 },
    value,
    kind: 'observed',
    label: 'Electric vehicles on the road',
    quote,
    note: 'The report date is not given in the facts list; the figure is taken as the FY2024-25 base year.',
    sources: [SOURCES.arabNewsEvs],
  };
}

function subsidyFunded(segment: Segment, value: number, quote: string): Observation {
  return {
    id: `subsidy-fy2025-26/${segment}`,
    scope: segment,
    metric: 'ev_sales',
    period: FY2025_26,
    value,
    kind: 'programme',
    label: 'Funded by the FY2025-26 subsidy (Rs 9 bn; 25% reserved for women)',
    quote,
    note: 'A programme figure, not observed sales; the first e-bike lottery drew 269,000+ applications for 41,000 places [7].',
    sources: [SOURCES.dawn1918321, SOURCES.theazbLottery],
  };
}

const OBSERVATIONS: readonly Observation[] = [
  pamaSales('car', 'car', 148_023, 'Cars, jeeps, pickups 148,023'),
  pamaSales('two_and_three_wheelers', 'two_and_three_wheelers', 1_518_752, 'motorcycles and rickshaws 1,518,752'),
  pamaSales('truck', 'truck', 4_444, 'trucks 4,444'),
  pamaSales('bus', 'bus', 788, 'buses 788'),
  evStock('two_wheeler', 70_000, 'about 70,000 e-motorcycles'),
  evStock('car', 5_200, '5,200 e-cars'),
  evStock('bus', 450, '450 e-buses'),
  subsidyFunded('two_wheeler', 116_053, '116,053 e-bikes'),
  subsidyFunded('three_wheeler', 3_171, '3,171 e-rickshaws'),
];

const DEFAULT_DATASET: PolicyDataset = {
  baseYear: 2025,
  horizonYear: 2030,
  policies: POLICIES,
  targets: TARGETS,
  observations: OBSERVATIONS,
  comparables: COMPARABLE_SERIES,
  assumptions: DEFAULT_ASSUMPTIONS,
};

/** The shipped figures and assumptions. Pure: the same value on every call. */
export function loadDefaultDataset(): PolicyDataset {
  return DEFAULT_DATASET;
}
