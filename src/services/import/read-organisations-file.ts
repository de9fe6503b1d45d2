import type { RowError } from '../../domain/errors';
import { parseOrganisationRows } from '../../domain/import/organisation-rows';
import type { ImportedDelegate, ImportedOrganisation } from '../../domain/import/organisation-rows';
import type { OrganisationWithItems } from '../../domain/organisation';
import { knownCodes } from '../../reference/known-codes';
import { readSpreadsheetFile } from './read-spreadsheet';

export interface OrganisationsFile {
  /** Organisations keyed by their external id (`id` = `externalId`), as matching reads them. */
  organisations: (OrganisationWithItems & ImportedOrganisation)[];
  delegates: ImportedDelegate[];
  errors: RowError[];
}

/** Reads a file in the import format without touching a database (evaluation, previews). */
export async function readOrganisationsFile(file: string): Promise<OrganisationsFile> {
  const rows = await readSpreadsheetFile(file);
  const parsed = parseOrganisationRows(rows, knownCodes());
  return {
    organisations: parsed.organisations.map((o) => ({ ...o, id: o.externalId })),
    delegates: parsed.delegates,
    errors: parsed.errors,
  };
}
