import { batteryDemand, chargersImplied, type BatteryDemand, type ChargersYear } from './battery-demand';
import {
  listAssumptions,
  type Assumption,
  type Observation,
  type PolicyDataset,
  type SourceRef,
} from './model';
import { projectScenario, type ScenarioProjection } from './projection';
import { compareWithTargets, type TargetProgress } from './progress';
import type { Scenario } from './scenario';

/**
 * Everything the tracker shows for one scenario, in one plain value the CLI prints, the API
 * returns as JSON and the page charts. Numbers are unrounded; rounding belongs to the screen.
 */
export interface PolicyReport {
  readonly scenario: Scenario;
  readonly projection: ScenarioProjection;
  readonly progress: readonly TargetProgress[];
  /** Every observation the projection started from, shipped and imported, for charting beside it. */
  readonly observations: readonly Observation[];
  readonly batteryDemand: BatteryDemand;
  readonly chargers: readonly ChargersYear[];
  readonly programmeChecks: readonly ProgrammeCheck[];
  readonly assumptions: readonly Assumption<unknown>[];
  /** Every source any figure of the report cites, once, numbered sources in number order. */
  readonly sources: readonly SourceRef[];
}

/**
 * A programme figure (units a subsidy funds) beside the projection's sales for the same segment
 * and year. Programme figures are never fitted, but a projection well below what a funded scheme
 * delivers is a sign its curve is too slow.
 */
export interface ProgrammeCheck {
  readonly observation: Observation;
  /** Projected electric sales of the segment in the programme's year; null outside the projection. */
  readonly projectedEvSales: number | null;
}

export function policyReport(dataset: PolicyDataset, scenario: Scenario): PolicyReport {
  const projection = projectScenario(dataset, scenario);
  const chargers = chargersImplied(projection, dataset.assumptions.charging);
  const assumptions = listAssumptions(dataset.assumptions);
  return {
    scenario,
    projection,
    progress: compareWithTargets(dataset, projection, chargers),
    observations: dataset.observations,
    batteryDemand: batteryDemand(projection, dataset.assumptions.battery),
    chargers,
    programmeChecks: programmeChecks(dataset, projection),
    assumptions,
    sources: citedSources(dataset, assumptions),
  };
}

function programmeChecks(dataset: PolicyDataset, projection: ScenarioProjection): ProgrammeCheck[] {
  return dataset.observations
    .filter((o) => o.kind === 'programme' && o.metric === 'ev_sales')
    .map((observation) => {
      const row = projection.segments
        .find((s) => s.segment === observation.scope)
        ?.years.find((y) => y.year === observation.period.year);
      return { observation, projectedEvSales: row?.evSales ?? null };
    });
}

function citedSources(dataset: PolicyDataset, assumptions: readonly Assumption<unknown>[]): SourceRef[] {
  const all = [
    ...dataset.policies.flatMap((p) => p.sources),
    ...dataset.targets.flatMap((t) => t.sources),
    ...dataset.observations.flatMap((o) => o.sources),
    ...dataset.comparables.flatMap((c) => c.sources),
    ...assumptions.flatMap((a) => a.sources),
  ];
  const seen = new Map<string, SourceRef>();
  for (const source of all) {
    const key = `${source.ref}|${source.citation}`;
    if (!seen.has(key)) seen.set(key, source);
  }
  return [...seen.values()].sort((a, b) => refNumber(a) - refNumber(b));
}

/** Numbered sources first, in number order; named ones (IEA) after, in order of first use. */
function refNumber(source: SourceRef): number {
  const match = /^\[(\d+)\]/.exec(source.ref);
  return match?.[1] === undefined ? Number.MAX_SAFE_INTEGER : Number(match[1]);
}
