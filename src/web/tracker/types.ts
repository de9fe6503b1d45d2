/**
 * Answers of the policy API, taken from the services that produce them (type-only imports: no
 * server code reaches the browser).
 */
import type { Json } from '../api/types';
import type { importObservations, listStoredObservations } from '../../services/policy-observations';
import type { eventSegments, getPolicyReport, listScenarios } from '../../services/policy-tracker';

export type PolicyReportAnswer = Json<Awaited<ReturnType<typeof getPolicyReport>>>;
export type ScenarioAnswer = Json<ReturnType<typeof listScenarios>>[number];
export type EventSegmentsAnswer = Json<Awaited<ReturnType<typeof eventSegments>>>;
export type StoredObservationAnswer = Json<Awaited<ReturnType<typeof listStoredObservations>>>[number];
export type SourceAnswer = PolicyReportAnswer['sources'][number];
export type ProgressAnswer = PolicyReportAnswer['progress'][number];
export type ObservationImportSummaryAnswer = Json<Awaited<ReturnType<typeof importObservations>>>;
