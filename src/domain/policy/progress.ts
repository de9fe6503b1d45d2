import type { ChargersYear } from './battery-demand';
import type { YearValue } from './logistic';
import { segmentsIn, type Observation, type PolicyDataset, type PolicyTarget } from './model';
import { latestObservation, type ScenarioProjection } from './projection';
import {
  requiredCurveForShare,
  requiredCurveForStock,
  requiredPath,
  type RequiredCurve,
  type RequiredPath,
} from './required-path';

/** Where one target stands: the starting point, the projection, the gap and what closing it takes. */
export interface TargetProgress {
  readonly target: PolicyTarget;
  readonly policyName: string;
  /** The latest observed figure of the same thing, if any was observed. */
  readonly latestObservation: Observation | null;
  /**
   * Where the required path starts: observed where possible, otherwise the projection's
   * base-year value (`observed: false`). Null when there is nothing to start from.
   */
  readonly baseline: (YearValue & { readonly observed: boolean }) | null;
  /** The projection in the target year; null when the target year is beyond the horizon. */
  readonly projected: number | null;
  /** Target minus projection: positive is a shortfall, negative an overshoot. */
  readonly gap: number | null;
  readonly requiredPath: RequiredPath | null;
  /** For stock and share targets of one segment: how steep its S-curve would have to be. */
  readonly requiredCurve: RequiredCurve | null;
  readonly note: string | null;
}

export function compareWithTargets(
  dataset: PolicyDataset,
  projection: ScenarioProjection,
  chargers: readonly ChargersYear[],
): TargetProgress[] {
  return dataset.targets.map((target) => progressOf(dataset, projection, chargers, target));
}

function progressOf(
  dataset: PolicyDataset,
  projection: ScenarioProjection,
  chargers: readonly ChargersYear[],
  target: PolicyTarget,
): TargetProgress {
  const policyName = dataset.policies.find((p) => p.id === target.policyId)?.name ?? target.policyId;
  const observed = latestObservation(
    dataset.observations,
    (o) => o.kind === 'observed' && o.scope === target.scope && o.metric === target.metric,
  );
  const latest = observed ?? null;
  const withinHorizon = target.year <= projection.horizonYear && target.year > projection.baseYear;
  const segments = segmentsIn(target.scope);
  const rowsIn = (year: number) =>
    projection.segments
      .filter((s) => segments.includes(s.segment))
      .map((s) => s.years.find((y) => y.year === year))
      .filter((row) => row !== undefined);
  const sumIn = (year: number, field: 'stock' | 'evSales' | 'marketSales'): number =>
    rowsIn(year).reduce((total, row) => total + row[field], 0);
  const valueIn = (year: number): number | null => {
    switch (target.metric) {
      case 'cumulative_units':
        return sumIn(year, 'stock');
      case 'sales_share':
        return sumIn(year, 'evSales') / sumIn(year, 'marketSales');
      case 'charging_stations':
        return chargers.find((c) => c.year === year)?.publicChargingPoints ?? null;
      default:
        return null;
    }
  };

  const baseline =
    latest !== null && latest.period.year < target.year
      ? { year: latest.period.year, value: latest.value, observed: true }
      : target.metric === 'charging_stations'
        ? null
        : modelled(valueIn(projection.baseYear), projection.baseYear);
  const projected = withinHorizon ? valueIn(target.year) : null;
  const gap = projected === null ? null : target.value - projected;
  const path =
    baseline !== null && target.year > baseline.year
      ? requiredPath({ year: target.year, value: target.value }, baseline)
      : null;

  return {
    target,
    policyName,
    latestObservation: latest,
    baseline,
    projected,
    gap,
    requiredPath: path,
    requiredCurve: segments.length === 1 && withinHorizon ? requiredCurveOf(dataset, projection, target) : null,
    note: noteFor(target, withinHorizon, baseline),
  };
}

function requiredCurveOf(
  dataset: PolicyDataset,
  projection: ScenarioProjection,
  target: PolicyTarget,
): RequiredCurve | null {
  const segment = projection.segments.find((s) => s.segment === target.scope);
  if (segment === undefined) return null;
  const saturation = dataset.assumptions.adoption.saturationShare.value;
  const goal = { year: target.year, value: target.value };
  if (target.metric === 'sales_share') return requiredCurveForShare(segment.anchor, goal, saturation);
  if (target.metric !== 'cumulative_units') return null;
  const growth = dataset.assumptions.adoption.marketGrowthPerYear.value;
  return requiredCurveForStock({
    anchor: segment.anchor,
    saturation,
    stock: segment.baseStock,
    marketIn: (year) => segment.market.value * (1 + growth) ** (year - segment.market.year),
    target: goal,
  });
}

function modelled(value: number | null, year: number): (YearValue & { observed: boolean }) | null {
  return value === null ? null : { year, value, observed: false };
}

function noteFor(
  target: PolicyTarget,
  withinHorizon: boolean,
  baseline: (YearValue & { observed: boolean }) | null,
): string | null {
  const notes: string[] = [];
  if (!withinHorizon) notes.push(`The target year ${target.year} is beyond the projection.`);
  if (target.metric === 'charging_stations') {
    notes.push('Projected as public charging points, while the target counts stations; no station count is observed.');
  }
  if (baseline !== null && !baseline.observed) {
    notes.push(`No observation: the path starts from the projection's ${baseline.year} value.`);
  }
  if (target.note !== undefined) notes.push(target.note);
  return notes.length === 0 ? null : notes.join(' ');
}
