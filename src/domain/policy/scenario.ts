import { z } from 'zod';
import type { AdoptionAssumptions, Segment } from './model';

/**
 * A scenario is the two levers the tracker lets a reader pull: whether the NEV subsidy runs,
 * and how fast battery pack prices fall. Both act on the growth rate of each segment's S-curve,
 * pivoting at the segment's latest observation so every scenario agrees with what was observed.
 *
 * `path: 'targets'` instead gives each segment the S-curve that meets its 2030 target exactly,
 * to show the battery demand the targets imply; the levers then only set pack prices.
 */
export const scenarioSchema = z.object({
  id: z.string().min(1).regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
  label: z.string().min(1),
  path: z.enum(['trend', 'targets']).default('trend'),
  subsidy: z.boolean(),
  /** Fraction a year, e.g. 0.061 for 6.1%; negative when prices rise. */
  packPriceDeclinePerYear: z.number().min(-0.2).max(0.5),
  description: z.string(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

// BNEF pack prices [34]–[36]: $139/kWh (2023), $115 (2024), $108 (2025).
const LATEST_DECLINE = 1 - 108 / 115;
const TWO_YEAR_AVERAGE_DECLINE = 1 - Math.sqrt(108 / 139);

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'policy',
    label: 'Policy as announced',
    path: 'trend',
    subsidy: true,
    packPriceDeclinePerYear: LATEST_DECLINE,
    description:
      'The NEV subsidy runs to 2030 and pack prices keep falling 6.1% a year, as from 2024 to 2025 (BNEF [34]–[36]).',
  },
  {
    id: 'no-subsidy',
    label: 'No subsidy',
    path: 'trend',
    subsidy: false,
    packPriceDeclinePerYear: LATEST_DECLINE,
    description: 'The subsidy stops; pack prices fall 6.1% a year as in the policy case.',
  },
  {
    id: 'fast-price-decline',
    label: 'Subsidy and fast price decline',
    path: 'trend',
    subsidy: true,
    packPriceDeclinePerYear: TWO_YEAR_AVERAGE_DECLINE,
    description:
      'The subsidy runs and pack prices fall 11.9% a year, the 2023–2025 average ($139 to $108/kWh, BNEF [34]–[36]).',
  },
  {
    id: 'flat-prices-no-subsidy',
    label: 'No subsidy, flat prices',
    path: 'trend',
    subsidy: false,
    packPriceDeclinePerYear: 0,
    description: 'The subsidy stops and pack prices stay at their 2025 level: the slow case.',
  },
  {
    id: 'targets-met',
    label: 'Targets met',
    path: 'targets',
    subsidy: true,
    packPriceDeclinePerYear: LATEST_DECLINE,
    description:
      'Every segment follows the S-curve that reaches its 2030 target exactly [4]: the battery demand the targets imply. Pack prices fall 6.1% a year.',
  },
];

export const DEFAULT_SCENARIO_ID = 'policy';

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * How much faster (above 1) or slower (below 1) a segment adopts in this scenario than in the
 * reference case the growth rate was measured in.
 */
export function growthFactor(scenario: Scenario, segment: Segment, adoption: AdoptionAssumptions): number {
  const subsidyFactor =
    !scenario.subsidy && adoption.subsidisedSegments.value.includes(segment)
      ? adoption.growthFactorWithoutSubsidy.value
      : 1;
  const priceFactor =
    1 +
    adoption.growthPerPointOfPriceDecline.value *
      (scenario.packPriceDeclinePerYear - adoption.referencePackPriceDecline.value);
  // A steep price rise must slow adoption, never reverse it.
  return subsidyFactor * Math.max(priceFactor, 0.1);
}
