import { loadDefaultDataset } from '../../../src/domain/policy/dataset';
import type { YearValue } from '../../../src/domain/policy/logistic';
import type { Metric, Observation, PolicyDataset, SegmentScope } from '../../../src/domain/policy/model';
import { findScenario, type Scenario } from '../../../src/domain/policy/scenario';

/** A fresh observation; the source is a placeholder because test figures come from no report. */
export function buildObservation(
  scope: SegmentScope,
  metric: Metric,
  year: number,
  value: number,
  kind: Observation['kind'] = 'observed',
): Observation {
  return {
    id: `test/${scope}/${metric}/${year}/${kind}`,
    scope,
    metric,
    period: { label: String(year), year },
    value,
    kind,
    label: 'test figure',
    sources: [{ ref: 'test', citation: 'test case', url: null }],
  };
}

/** Markets of 1,000 a year in every segment unless the test says otherwise. */
export function buildMarkets(year = 2025, value = 1_000): Observation[] {
  return (['car', 'bus', 'truck', 'two_and_three_wheelers'] as const).map((scope) =>
    buildObservation(scope, 'market_sales', year, value),
  );
}

/**
 * The default dataset with test observations in place of the shipped ones: markets of 1,000 a
 * year and 100 vehicles on the road in each segment Pakistan reports a stock for, then the
 * caller's observations (which win over the baseline's, being listed later). When given,
 * a comparable series of the caller's making (so the borrowed growth rate is known exactly).
 */
export function buildDataset(
  observations: readonly Observation[],
  comparablePoints?: readonly YearValue[],
): PolicyDataset {
  const shipped = loadDefaultDataset();
  const comparables =
    comparablePoints === undefined
      ? shipped.comparables
      : shipped.comparables.map((c) =>
          c.id === shipped.assumptions.adoption.comparableSeriesId.value ? { ...c, points: comparablePoints } : c,
        );
  const baseline = [
    ...buildMarkets(),
    ...(['two_wheeler', 'car', 'bus'] as const).map((s) => buildObservation(s, 'cumulative_units', 2025, 100)),
  ];
  return { ...shipped, observations: [...baseline, ...observations], comparables };
}

/**
 * Points on the ceiling-0.9 logistic with growth ln 2 a year: logit(0.45) = 0 and
 * logit(0.6) = ln(0.6 / 0.3) = ln 2.
 */
export const LN2_COMPARABLE: readonly YearValue[] = [
  { year: 2020, value: 0.45 },
  { year: 2021, value: 0.6 },
];

export function scenario(id: string): Scenario {
  const found = findScenario(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}
