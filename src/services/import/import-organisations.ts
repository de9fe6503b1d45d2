import { AppError } from '../../domain/errors';
import type { RowError } from '../../domain/errors';
import { parseOrganisationRows } from '../../domain/import/organisation-rows';
import type { Database } from '../../storage/db';
import { knownCodes } from '../../reference/known-codes';
import type { Actor } from '../actor';
import { accessEvent, authorize, forgetEventAccess } from '../access';
import { forgetOrganisationPage } from '../organisations';
import { recordAudit } from '../events';
import type { SpreadsheetRow } from './read-spreadsheet';
import { checkDelegateConflicts, replaceImportedItems, upsertDelegates, upsertOrganisations } from './store-organisations';

export interface ImportSummary {
  organisations: { created: number; updated: number };
  delegates: { created: number; updated: number };
  items: number;
  dryRun: boolean;
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Imports organisations and delegates all-or-nothing: any bad row rejects the whole file with every
 * problem named by row and column; re-importing the same file changes nothing (keyed by external ids).
 */
export async function importOrganisations(
  db: Database,
  actor: Actor,
  eventId: string,
  rows: SpreadsheetRow[],
  options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'import.run', access.relations);
  const parsed = parseOrganisationRows(rows, knownCodes());
  if (parsed.errors.length) throw importError(parsed.errors);
  const total = parsed.organisations.length + parsed.delegates.length;
  try {
    const summary = await db.transaction(async (tx) => {
      const conflicts = await checkDelegateConflicts(tx, eventId, parsed.delegates);
      if (conflicts.length) throw importError(conflicts);
      const orgs = await upsertOrganisations(tx, eventId, parsed.organisations);
      options.onProgress?.(parsed.organisations.length, total);
      const items = await replaceImportedItems(tx, eventId, parsed.organisations, orgs.ids);
      // Delegates of organisations not in this file are looked up so a file may add people only.
      const missing = [...new Set(parsed.delegates.map((d) => d.organisationExternalId))].filter((id) => !orgs.ids.has(id));
      if (missing.length) throw new Error('unreachable: the parser attaches delegates to organisations of the same file');
      const people = await upsertDelegates(tx, eventId, parsed.delegates, orgs.ids);
      options.onProgress?.(total, total);
      const summary: ImportSummary = {
        organisations: { created: orgs.created, updated: orgs.updated },
        delegates: people,
        items,
        dryRun: Boolean(options.dryRun),
      };
      if (options.dryRun) throw new DryRunRollback(summary);
      await recordAudit(tx, actor, eventId, 'import.completed', { ...summary });
      return summary;
    });
    forgetEventAccess(eventId);
    forgetOrganisationPage();
    return summary;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

export function importError(errors: RowError[]): AppError {
  const first = errors[0]!;
  const where = `row ${first.row}${first.column ? `, column "${first.column}"` : ''}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new AppError('VALIDATION', `${where}: ${first.message}${more}`, first.column, errors);
}

export function formatRowError(error: RowError): string {
  return `row ${error.row}${error.column ? `, column "${error.column}"` : ''}: ${error.message}`;
}
