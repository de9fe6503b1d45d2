import { eq } from 'drizzle-orm';
import { AppError } from '../domain/errors';
import { groupBy } from '../domain/group-by';
import { DEFAULT_SCENARIO_ID, findScenario, loadDefaultDataset, policyReport, SCENARIOS, segmentCoverage, withObservations } from '../domain/policy';
import type { PolicyReport } from '../domain/policy';
import type { Executor } from '../storage/db';
import { marketplaceItems, organisations } from '../storage/schema';
import type { Actor } from './actor';
import { accessEvent, authorize } from './access';
import { listStoredObservations, onObservationsChanged, type StoredObservation } from './policy-observations';
import { ReadCache } from './read-cache';

// A report is pure arithmetic on the shipped data and the stored observations: it is computed
// once per scenario and set of observations, and dropped when an import changes them.
const reports = new ReadCache<PolicyReport>(60 * 60_000, 200);
onObservationsChanged(() => reports.clear());

export function listScenarios() {
  return SCENARIOS;
}

/** The report of one scenario, projected from the shipped dataset and every imported observation. */
export async function getPolicyReport(db: Executor, scenarioId: string = DEFAULT_SCENARIO_ID): Promise<PolicyReport> {
  const scenario = findScenario(scenarioId);
  if (!scenario) throw new AppError('VALIDATION', `unknown scenario "${scenarioId}" (one of: ${SCENARIOS.map((s) => s.id).join(', ')})`, 'scenario');
  const imported = await listStoredObservations(db);
  // Another server's import reaches this one through the stored rows, so they are part of the key.
  const key = `${scenarioId}|${versionOf(imported)}`;
  const cached = reports.get(key);
  if (cached) return cached;
  const report = policyReport(withObservations(loadDefaultDataset(), imported), scenario);
  reports.set(key, report);
  return report;
}

function versionOf(observations: readonly StoredObservation[]): string {
  return `${observations.length}|${observations.reduce((latest, o) => (o.importedAt > latest ? o.importedAt : latest), '')}`;
}

/**
 * Which vehicle segments the event's organisations serve, beside the battery demand and chargers
 * the chosen scenario implies for 2030: the link between the tracker and the matchmaking.
 */
export async function eventSegments(db: Executor, actor: Actor, eventId: string, scenarioId?: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'organisation.read', access.relations);
  const [orgs, items] = await Promise.all([
    db.select({ id: organisations.id, stages: organisations.stages, hsCodes: organisations.hsCodes, description: organisations.description }).from(organisations).where(eq(organisations.eventId, eventId)),
    db.select({ organisationId: marketplaceItems.organisationId, title: marketplaceItems.title, text: marketplaceItems.text }).from(marketplaceItems).where(eq(marketplaceItems.eventId, eventId)),
  ]);
  const itemsByOrg = groupBy(items, (item) => item.organisationId);
  const coverage = segmentCoverage(
    orgs.map((o) => ({ stages: o.stages, hsCodes: o.hsCodes, text: [o.description, ...(itemsByOrg.get(o.id) ?? []).flatMap((i) => [i.title, i.text])].join(' \n ') })),
  );
  const report = await getPolicyReport(db, scenarioId);
  const year2030 = report.batteryDemand.years.find((y) => y.year === 2030) ?? null;
  return {
    scenarioId: report.scenario.id,
    coverage,
    demand2030: year2030 && { gwhBySegment: year2030.gwhBySegment, gwhByChemistry: year2030.gwhByChemistry, totalGwh: year2030.totalGwh },
    packAssemblyCapacityGwh: report.batteryDemand.packAssemblyCapacityGwh,
    chargers2030: report.chargers.find((c) => c.year === 2030) ?? null,
  };
}
