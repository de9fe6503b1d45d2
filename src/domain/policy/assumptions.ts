import {
  SEGMENT_LABELS,
  type Assumption,
  type ChemistryShares,
  type ComparableSeries,
  type PackSize,
  type PolicyAssumptions,
  type Segment,
} from './model';
import { SOURCES } from './sources';

/**
 * Everything the projection needs that no source states for Pakistan. Each value is labelled
 * an assumption and carries its reasoning; where it is reasoned from sourced figures those
 * sources are attached. Change a value here and the README's table of assumptions with it.
 */

/** IEA publishes shares in percent; the tracker keeps them as fractions. */
function percentPoints(
  points: readonly (readonly [year: number, percent: number])[],
): { year: number; value: number }[] {
  return points.map(([year, percent]) => ({ year, value: percent / 100 }));
}

export const CHINA_CARS_SERIES_ID = 'iea-china-cars-ev-sales-share-2015-2023';
export const INDIA_CARS_SERIES_ID = 'iea-india-cars-ev-sales-share-2022-2023';

export const COMPARABLE_SERIES: readonly ComparableSeries[] = [
  {
    id: CHINA_CARS_SERIES_ID,
    region: 'China',
    mode: 'Cars',
    metric: 'sales_share',
    // IEA 2024, "EV sales share", Cars, Historical; from 2015, the first year at or above 1%.
    points: percentPoints([
      [2015, 1],
      [2016, 1.5],
      [2017, 2.400000095],
      [2018, 4.699999809],
      [2019, 5],
      [2020, 5.699999809],
      [2021, 16],
      [2022, 29],
      [2023, 38],
    ]),
    note: 'China from the year its electric car share first reached 1%.',
    sources: [SOURCES.iea],
  },
  {
    id: INDIA_CARS_SERIES_ID,
    region: 'India',
    mode: 'Cars',
    metric: 'sales_share',
    // IEA 2024, "EV sales share", Cars, Historical; India's only years at or above 1%.
    points: percentPoints([
      [2022, 1.200000048],
      [2023, 2],
    ]),
    note: 'India from the year its electric car share first reached 1%; a check on the China rate.',
    sources: [SOURCES.iea],
  },
];

// IEA 2024, India, 2023: EV stock (cars BEV 150,000 + PHEV 390; buses BEV 8,400; vans BEV 7,300)
// and publicly available charging points (fast 4,100 + slow 6,800). Fuel-cell vehicles are left
// out because they do not use chargers.
const INDIA_2023_PLUG_IN_STOCK = 150_000 + 390 + 8_400 + 7_300;
const INDIA_2023_PUBLIC_CHARGING_POINTS = 4_100 + 6_800;

function packSize(
  segment: Segment,
  kwh: number,
  lowKwh: number,
  highKwh: number,
  rationale: string,
): Assumption<PackSize> {
  return {
    id: `battery.pack_size.${segment}`,
    label: `Battery per vehicle, ${SEGMENT_LABELS[segment]}: ${kwh} kWh (${lowKwh}–${highKwh})`,
    value: { kwh, lowKwh, highKwh },
    rationale: `A documented assumption, not a sourced figure: ${rationale}`,
    sources: [],
  };
}

const CHEMISTRY_SHARES_BY_YEAR: Readonly<Record<number, ChemistryShares>> = {
  2025: { lfp: 0.84, nmc: 0.15, sodium_ion: 0.01 },
  2026: { lfp: 0.84, nmc: 0.14, sodium_ion: 0.02 },
  2027: { lfp: 0.83, nmc: 0.13, sodium_ion: 0.04 },
  2028: { lfp: 0.83, nmc: 0.12, sodium_ion: 0.05 },
  2029: { lfp: 0.82, nmc: 0.11, sodium_ion: 0.07 },
  2030: { lfp: 0.82, nmc: 0.1, sodium_ion: 0.08 },
};

export const DEFAULT_ASSUMPTIONS: PolicyAssumptions = {
  adoption: {
    saturationShare: {
      id: 'adoption.saturation_share',
      label: 'Ceiling of the electric share of new sales: 90%',
      value: 0.9,
      rationale:
        'The S-curve needs a ceiling. The earlier policy aimed at 90% by 2040 [15]; that goal is taken as the ceiling for every segment.',
      sources: [SOURCES.dawnEditorial2021],
    },
    comparableSeriesId: {
      id: 'adoption.comparable_series',
      label: 'Growth rate of the S-curve borrowed from China, cars, 2015–2023 (IEA)',
      value: CHINA_CARS_SERIES_ID,
      rationale:
        'Pakistan has one observation per segment, too few to fit a growth rate. The rate is fitted to China\'s electric car share from the year it first reached 1% (2015) to 2023, the same 1–3% band Pakistan starts from. India\'s only years above 1% (2022–2023) give almost the same rate (0.52 a year), and China is the partner market of the corridor.',
      sources: [SOURCES.iea],
    },
    threeWheelerShareOfCombinedMarket: {
      id: 'adoption.three_wheeler_share_of_combined_market',
      label: '3-wheelers are 2.63% of the 2/3-wheeler market',
      // 53,950 e-rickshaws / (2,000,000 e-bikes + 53,950 e-rickshaws) in the 2030 targets [4].
      value: 53_950 / (2_000_000 + 53_950),
      rationale:
        'PAMA reports motorcycles and rickshaws together [18]. The policy\'s own 2030 targets put e-rickshaws at 53,950 of 2,053,950 2/3-wheelers [4]; the FY2025-26 subsidy split (3,171 of 119,224) [1] agrees at 2.7%.',
      sources: [SOURCES.brecorder40372068, SOURCES.arynewsEbikeScheme, SOURCES.dawn1918321],
    },
    marketGrowthPerYear: {
      id: 'adoption.market_growth_per_year',
      label: 'New-vehicle market size flat at FY2024-25 level',
      value: 0,
      rationale:
        'The facts list gives one year of sales [18]; no trend can be drawn from it, so the market is held flat rather than guessed.',
      sources: [SOURCES.brecorder40372068],
    },
    baseShareFallback: {
      id: 'adoption.base_share_fallback',
      label: 'Starting share where Pakistan has no observation: 3-wheelers as 2-wheelers; trucks 0.91%',
      value: {
        three_wheeler: { borrowFrom: 'two_wheeler' },
        // IEA 2024: World, Trucks, EV sales share 2023 = 0.910000026%.
        truck: { share: 0.00910000026, year: 2025 },
      },
      rationale:
        'No e-rickshaw or e-truck stock is reported. E-rickshaws get the same subsidy scheme as e-bikes [1], so they start from the e-bike share. Trucks start from the 2023 world share (IEA), an upper bound since China leads it.',
      sources: [SOURCES.dawn1918321, SOURCES.iea],
    },
    subsidisedSegments: {
      id: 'adoption.subsidised_segments',
      label: 'The subsidy covers 2-wheelers, 3-wheelers and cars',
      value: ['two_wheeler', 'three_wheeler', 'car'],
      rationale:
        'Per-vehicle subsidies: Rs 65,000 (2-wheeler), Rs 400,000 (3-wheeler), Rs 15,000/kWh (4-wheeler) [5]. No bus or truck subsidy is listed.',
      sources: [SOURCES.pid29447],
    },
    growthFactorWithoutSubsidy: {
      id: 'adoption.growth_factor_without_subsidy',
      label: 'Without the subsidy, subsidised segments grow 25% slower',
      value: 0.75,
      rationale:
        'A sensitivity setting, not an estimate: no Pakistani evidence on how much the subsidy speeds adoption exists yet. The borrowed growth rate comes from a market with purchase incentives, so it is taken as the with-subsidy case.',
      sources: [],
    },
    referencePackPriceDecline: {
      id: 'adoption.reference_pack_price_decline',
      label: 'Pack prices fall 6.1% a year in the central case',
      // BNEF: $115/kWh (2024) to $108/kWh (2025) [34]–[36].
      value: 1 - 108 / 115,
      rationale:
        'The latest year-on-year fall in the BNEF pack price ($115 to $108/kWh) [34]–[36]. Scenarios with other declines move the growth rate from this reference.',
      sources: [SOURCES.bnefPackPrices],
    },
    growthPerPointOfPriceDecline: {
      id: 'adoption.growth_per_point_of_price_decline',
      label: 'Each extra point a year of pack-price decline speeds the S-curve by 2%',
      value: 2,
      rationale:
        'A sensitivity setting, not an estimate: growth rate × (1 + 2 × (decline − 6.1%)). It makes cheaper batteries speed adoption without claiming a measured elasticity.',
      sources: [],
    },
  },
  battery: {
    packSize: {
      two_wheeler: packSize('two_wheeler', 2, 1.5, 3, 'e-motorcycles of the kind the e-bike scheme funds carry packs of about 2 kWh.'),
      three_wheeler: packSize('three_wheeler', 6, 5, 8, 'e-rickshaws carry 5–8 kWh.'),
      car: packSize('car', 50, 40, 60, 'imported and locally assembled e-cars carry 40–60 kWh.'),
      bus: packSize('bus', 300, 250, 350, 'city e-buses carry 250–350 kWh.'),
      truck: packSize('truck', 200, 150, 300, 'e-trucks carry 150–300 kWh depending on size.'),
    },
    chemistrySharesByYear: {
      id: 'battery.chemistry_shares_by_year',
      label: 'Chemistry mix: LFP about 82–84%, NMC falling 15% → 10%, sodium-ion rising 1% → 8%',
      value: CHEMISTRY_SHARES_BY_YEAR,
      rationale:
        'LFP dominates: LFP packs cost $81/kWh against $128 for NMC in 2025 [34]–[36], and the Battery Manufacturing Policy 2026–31 picks LFP for first local production [54]. NMC stays in some imported cars. Sodium-ion starts at 1% because mass production began only in Dec 2025 [23], and reaches 8% in 2030: ~400 GWh of sodium-ion capacity [29] against a 5,127 GWh battery market [30] is 7.8%.',
      sources: [SOURCES.bnefPackPrices, SOURCES.profitBatteryPolicy, SOURCES.techcentralNaxtra, SOURCES.irenaSodiumIon, SOURCES.argus2644130],
    },
    packPrice: {
      id: 'battery.pack_price',
      label: 'Pack prices in 2025: LFP $81/kWh, NMC $128/kWh, sodium-ion as LFP',
      value: { year: 2025, usdPerKwh: { lfp: 81, nmc: 128, sodium_ion: 81 } },
      rationale:
        'LFP and NMC are the 2025 BNEF survey figures [34]–[36]. No sodium-ion pack price is published; cells could reach ~$40/kWh [29], but for now the LFP price is used.',
      sources: [SOURCES.bnefPackPrices, SOURCES.irenaSodiumIon],
    },
    assemblyUtilisation: {
      id: 'battery.assembly_utilisation',
      label: 'Pack-assembly lines run at 80% of nameplate capacity',
      value: 0.8,
      rationale:
        'Capacity needed = annual demand ÷ utilisation. Pakistan imports cells and assembles packs [53]; 80% is a judgement for a line that also serves spares and stationary storage.',
      sources: [SOURCES.appBatteryPolicy],
    },
  },
  charging: {
    evsPerPublicChargingPoint: {
      id: 'charging.evs_per_public_charging_point',
      label: `One public charging point per ${(INDIA_2023_PLUG_IN_STOCK / INDIA_2023_PUBLIC_CHARGING_POINTS).toFixed(1)} cars, buses and trucks (India 2023)`,
      value: INDIA_2023_PLUG_IN_STOCK / INDIA_2023_PUBLIC_CHARGING_POINTS,
      rationale:
        'India in 2023 had 166,090 plug-in cars, buses and vans and 10,900 public charging points (IEA). The ratio gives charging points, not stations; the policy targets count stations [3][8], which may hold several points each.',
      sources: [SOURCES.iea],
    },
    segmentsUsingPublicCharging: {
      id: 'charging.segments_using_public_charging',
      label: 'Public chargers serve cars, buses and trucks',
      value: ['car', 'bus', 'truck'],
      rationale:
        'A judgement: e-bikes and e-rickshaws mostly charge at home or swap batteries, and the IEA ratio counts no 2/3-wheelers, so they are left out of charger demand.',
      sources: [SOURCES.iea],
    },
  },
};
