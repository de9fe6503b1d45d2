/**
 * The NEV policy and market tracker's pure core. Servers, pages and the CLI call these; none of
 * them reads files, a clock or a database.
 */
export * from './model';
export { SOURCES } from './sources';
export { loadDefaultDataset, NEV_POLICY_ID, EARLIER_EV_POLICY_ID, BATTERY_POLICY_ID } from './dataset';
export { DEFAULT_ASSUMPTIONS, COMPARABLE_SERIES } from './assumptions';
export {
  fitLogistic,
  logisticValue,
  logisticThrough,
  logit,
  baseShareFromStock,
  type LogisticCurve,
  type LogisticFit,
  type YearValue,
} from './logistic';
export {
  scenarioSchema,
  SCENARIOS,
  DEFAULT_SCENARIO_ID,
  findScenario,
  growthFactor,
  type Scenario,
} from './scenario';
export {
  projectScenario,
  latestObservation,
  type CurveMethod,
  type ProjectionTotal,
  type ScenarioProjection,
  type SegmentProjection,
  type SegmentYear,
} from './projection';
export {
  requiredPath,
  requiredCurveForStock,
  requiredCurveForShare,
  type RequiredCurve,
  type RequiredPath,
} from './required-path';
export {
  batteryDemand,
  chargersImplied,
  chemistrySharesIn,
  packPricesIn,
  type BatteryDemand,
  type BatteryDemandYear,
  type ChargersYear,
} from './battery-demand';
export { compareWithTargets, type TargetProgress } from './progress';
export { policyReport, type PolicyReport, type ProgrammeCheck } from './report';
export {
  parseObservationsCsv,
  type ObservationImport,
  type ObservationImportError,
} from './observations-csv';
export { segmentCoverage, segmentsServed, SUPPLY_ROLES, type OrganisationFootprint, type SegmentCoverage, type SupplyRole } from './event-segments';
