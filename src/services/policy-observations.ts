import { asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound, type RowError } from '../domain/errors';
import { isMetric, isSegmentScope, parseObservationsCsv, type Observation, type SourceRef } from '../domain/policy';
import type { Database, Executor } from '../storage/db';
import { policyObservations } from '../storage/schema';
import type { Actor } from './actor';
import { authorize, baseRelations } from './access';
import { ReadCache } from './read-cache';

/**
 * Market observations imported from CSV and stored, so every server's report projects from them.
 * Anyone may read them (they feed the public tracker); only holders of the global organiser role
 * may import or remove them.
 */

export interface StoredObservation extends Observation {
  /** The row's id, for removing it. */
  readonly storedId: string;
  readonly importKey: string;
  readonly importedAt: string;
}

export interface ObservationImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly dryRun: boolean;
  /** What the file holds (or would hold, on a dry run), in file order. */
  readonly observations: readonly Observation[];
}

type Row = typeof policyObservations.$inferSelect;

// Several servers share the table; five seconds is as stale as the other read caches get.
const stored = new ReadCache<StoredObservation[]>(5_000);
const listeners = new Set<() => void>();

/** Called whenever the stored observations change on this server (the report cache listens). */
export function onObservationsChanged(listener: () => void): void {
  listeners.add(listener);
}

function forgetObservations(): void {
  stored.clear();
  for (const listener of listeners) listener();
}

/**
 * One observation per segment, metric, period and label: importing it again replaces its value
 * and source instead of adding a second point.
 */
export function importKeyOf(observation: Pick<Observation, 'scope' | 'metric' | 'period' | 'label'>): string {
  return [observation.scope, observation.metric, observation.period.label, observation.label.trim().toLowerCase()].join('|');
}

export async function listStoredObservations(db: Executor): Promise<StoredObservation[]> {
  return stored.getOrLoad('all', async () => {
    const rows = await db.select().from(policyObservations).orderBy(asc(policyObservations.periodYear), asc(policyObservations.importKey));
    return rows.map(toObservation);
  });
}

/**
 * Reads a CSV of observations and stores all of them or none: any row with a problem rejects the
 * file, every problem named by row and column. `dryRun` reports what would change and writes nothing.
 */
export async function importObservations(
  db: Database,
  actor: Actor,
  csvText: string,
  options: { dryRun?: boolean } = {},
): Promise<ObservationImportSummary> {
  // The tracker is not part of any event: the global organiser role is what vouches for figures.
  authorize(actor, 'policy.import', baseRelations(actor));
  const parsed = parseObservationsCsv(csvText, { idPrefix: 'upload' });
  const errors: RowError[] = [...parsed.errors];
  const rowOfKey = new Map<string, number>();
  for (const observation of parsed.observations) {
    const row = rowOf(observation);
    const key = importKeyOf(observation);
    const earlier = rowOfKey.get(key);
    if (earlier !== undefined) {
      errors.push({ row, column: 'label', message: `row ${row}, column "label": repeats row ${earlier} (same segment, metric, period and label); give one of them another label` });
    } else rowOfKey.set(key, row);
  }
  if (errors.length > 0) throw rowsRejected(errors);
  if (parsed.observations.length === 0) throw new AppError('VALIDATION', 'the file holds no observations: add rows below the header', 'file');

  const keys = [...rowOfKey.keys()];
  const summary = await db.transaction(async (tx) => {
    const existing = await tx.select({ importKey: policyObservations.importKey }).from(policyObservations).where(inArray(policyObservations.importKey, keys));
    const updated = existing.length;
    const result: ObservationImportSummary = { created: keys.length - updated, updated, dryRun: Boolean(options.dryRun), observations: parsed.observations };
    if (options.dryRun) return result;
    const importedBy = actor.kind === 'user' && actor.via !== 'cli' ? actor.userId : null;
    await tx
      .insert(policyObservations)
      .values(
        parsed.observations.map((o) => ({
          importKey: importKeyOf(o),
          scope: o.scope,
          metric: o.metric,
          periodLabel: o.period.label,
          periodYear: o.period.year,
          value: o.value,
          kind: o.kind,
          label: o.label,
          note: o.note ?? null,
          sources: o.sources,
          importedBy,
        })),
      )
      .onConflictDoUpdate({
        target: policyObservations.importKey,
        set: {
          value: sql`excluded.value`,
          kind: sql`excluded.kind`,
          label: sql`excluded.label`,
          note: sql`excluded.note`,
          sources: sql`excluded.sources`,
          periodYear: sql`excluded.period_year`,
          importedBy: sql`excluded.imported_by`,
          updatedAt: sql`now()`,
        },
      });
    return result;
  });
  if (!summary.dryRun) forgetObservations();
  return summary;
}

export async function deleteObservation(db: Database, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'policy.import', baseRelations(actor));
  const deleted = await db.delete(policyObservations).where(eq(policyObservations.id, id)).returning({ id: policyObservations.id });
  if (deleted.length === 0) throw notFound('Observation');
  forgetObservations();
}

/** The parser numbers each observation by its row (`upload/row-7`). */
function rowOf(observation: Observation): number {
  return Number(/row-(\d+)$/.exec(observation.id)?.[1] ?? 0);
}

function rowsRejected(errors: RowError[]): AppError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const first = sorted[0]!;
  const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more problem${sorted.length > 2 ? 's' : ''}; nothing was imported)` : ' (nothing was imported)';
  return new AppError('VALIDATION', `${first.message}${more}`, first.column, sorted);
}

function toObservation(row: Row): StoredObservation {
  // The table only ever receives rows the parser accepted; anything else is a corrupted row.
  if (!isSegmentScope(row.scope) || !isMetric(row.metric)) throw new Error(`policy observation ${row.id} has an unknown segment or metric`);
  return {
    id: `imported/${row.id}`,
    storedId: row.id,
    importKey: row.importKey,
    scope: row.scope,
    metric: row.metric,
    period: { label: row.periodLabel, year: row.periodYear },
    value: row.value,
    kind: row.kind,
    label: row.label,
    ...(row.note === null ? {} : { note: row.note }),
    sources: row.sources as SourceRef[],
    importedAt: row.updatedAt.toISOString(),
  };
}
