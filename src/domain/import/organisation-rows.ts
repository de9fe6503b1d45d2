import type { RowError } from '../errors';
import { parseCountry } from '../countries';
import type { MarketplaceItemInput, OrganisationProfile, PartnershipType, SizeBand, UiLanguage } from '../organisation';
import { checkProfile, isEmail, isUiLanguage, normaliseHsCode } from '../profile-rules';
import type { KnownCodes } from '../profile-rules';

/** The spreadsheet columns, in the order an export writes them (documented in the README). */
export const ORGANISATION_COLUMNS = [
  'external_id',
  'name',
  'country',
  'city',
  'isic_codes',
  'hs_codes',
  'request_hs_codes',
  'value_chain_stages',
  'size_band',
  'website',
  'description',
  'languages',
  'partnership_types',
  'offers',
  'requests',
] as const;

export const DELEGATE_COLUMNS = [
  'delegate_external_id',
  'delegate_first_name',
  'delegate_last_name',
  'delegate_role',
  'delegate_email',
  'delegate_language',
] as const;

export const IMPORT_COLUMNS = [...ORGANISATION_COLUMNS, ...DELEGATE_COLUMNS] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export interface ImportedOrganisation extends OrganisationProfile {
  externalId: string;
  requestHsCodes: string[];
  items: MarketplaceItemInput[];
  /** Spreadsheet row the organisation was first described on (header = row 1). */
  row: number;
}

export interface ImportedDelegate {
  externalId: string;
  organisationExternalId: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  language: UiLanguage;
  row: number;
}

export interface ParsedImport {
  organisations: ImportedOrganisation[];
  delegates: ImportedDelegate[];
  errors: RowError[];
}

export const MAX_IMPORT_ROWS = 50_000;
const MAX_CELL_LENGTH = 5_000;
const MAX_ITEMS = 30;

const FIELD_TO_COLUMN: Record<string, Column> = {
  name: 'name',
  country: 'country',
  city: 'city',
  isicCodes: 'isic_codes',
  hsCodes: 'hs_codes',
  requestHsCodes: 'request_hs_codes',
  stages: 'value_chain_stages',
  sizeBand: 'size_band',
  website: 'website',
  description: 'description',
  languages: 'languages',
  partnershipTypes: 'partnership_types',
};

export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const list = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

function items(cell: string, kind: 'offer' | 'request', hsCodes: string[], types: PartnershipType[]): MarketplaceItemInput[] {
  return list(cell).map((phrase) => ({
    kind,
    title: phrase.length > 120 ? `${phrase.slice(0, 117)}…` : phrase,
    text: phrase,
    partnershipTypes: types,
    hsCodes,
    isicCodes: [],
  }));
}

/**
 * Turns spreadsheet rows (already keyed by header) into organisations and delegates.
 * Every problem is reported with its row and column; the caller stores nothing unless `errors` is empty.
 */
export function parseOrganisationRows(rows: Record<string, string>[], known: KnownCodes): ParsedImport {
  const errors: RowError[] = [];
  const organisations = new Map<string, ImportedOrganisation>();
  const delegates: ImportedDelegate[] = [];
  const delegateIds = new Map<string, number>();
  const emails = new Map<string, number>();
  const firstRows = new Map<string, { row: number; cells: Map<string, string> }>();

  if (rows.length > MAX_IMPORT_ROWS) {
    return { organisations: [], delegates: [], errors: [{ row: MAX_IMPORT_ROWS + 2, message: `more than ${MAX_IMPORT_ROWS} rows; split the file` }] };
  }
  const headers = new Set(Object.keys(rows[0] ?? {}).map(normaliseHeader));
  for (const required of ['external_id', 'name', 'country'] as const) {
    if (rows.length > 0 && !headers.has(required)) errors.push({ row: 1, column: required, message: 'column is missing' });
  }
  const unknown = [...headers].filter((h) => h && !(IMPORT_COLUMNS as readonly string[]).includes(h));
  for (const h of unknown) errors.push({ row: 1, column: h, message: `unknown column (expected one of: ${IMPORT_COLUMNS.join(', ')})` });
  if (errors.length) return { organisations: [], delegates: [], errors };

  rows.forEach((raw, index) => {
    const rowNumber = index + 2;
    const cell = (column: Column): string => {
      for (const [key, value] of Object.entries(raw)) {
        if (normaliseHeader(key) === column) return (value ?? '').toString().trim();
      }
      return '';
    };
    const fail = (column: Column | undefined, message: string) =>
      errors.push({ row: rowNumber, ...(column ? { column } : {}), message });

    for (const column of IMPORT_COLUMNS) {
      if (cell(column).length > MAX_CELL_LENGTH) fail(column, `is longer than ${MAX_CELL_LENGTH} characters`);
    }
    if (IMPORT_COLUMNS.every((c) => cell(c) === '')) return; // blank line

    const externalId = cell('external_id');
    if (!externalId) {
      fail('external_id', 'is required');
      return;
    }
    const first = firstRows.get(externalId);
    if (first) {
      // Further rows of the same organisation may repeat its columns; whatever they fill must agree.
      for (const column of ORGANISATION_COLUMNS) {
        const value = cell(column);
        if (value !== '' && value !== first.cells.get(column)) {
          fail(column, `differs from row ${first.row} for organisation "${externalId}"; leave it empty or repeat it exactly`);
        }
      }
    } else {
      const typesCell = list(cell('partnership_types'));
      const profile = {
        name: cell('name'),
        country: cell('country'),
        city: cell('city'),
        isicCodes: list(cell('isic_codes')),
        hsCodes: list(cell('hs_codes')).map(normaliseHsCode),
        requestHsCodes: list(cell('request_hs_codes')).map(normaliseHsCode),
        stages: list(cell('value_chain_stages')),
        sizeBand: (cell('size_band') || 'small').toLowerCase() as SizeBand,
        website: cell('website') || null,
        description: cell('description'),
        languages: list(cell('languages')).map((l) => l.toLowerCase()),
        partnershipTypes: typesCell.map((t) => t.toLowerCase().replace(/[\s-]+/g, '_')) as PartnershipType[],
      };
      const before = errors.length;
      for (const problem of checkProfile(profile, known)) {
        fail(FIELD_TO_COLUMN[problem.field], problem.message);
      }
      const offers = list(cell('offers'));
      const requests = list(cell('requests'));
      if (offers.length > MAX_ITEMS) fail('offers', `has more than ${MAX_ITEMS} items`);
      if (requests.length > MAX_ITEMS) fail('requests', `has more than ${MAX_ITEMS} items`);
      firstRows.set(externalId, { row: rowNumber, cells: new Map(ORGANISATION_COLUMNS.map((c) => [c, cell(c)])) });
      if (errors.length === before) {
        organisations.set(externalId, {
          externalId,
          ...profile,
          country: parseCountry(profile.country) ?? profile.country,
          items: [
            ...items(cell('offers'), 'offer', profile.hsCodes, profile.partnershipTypes),
            ...items(cell('requests'), 'request', profile.requestHsCodes, profile.partnershipTypes),
          ],
          row: rowNumber,
        });
      }
    }

    const delegateFilled = DELEGATE_COLUMNS.some((c) => cell(c) !== '');
    if (!delegateFilled) return;
    const delegate = {
      externalId: cell('delegate_external_id'),
      firstName: cell('delegate_first_name'),
      lastName: cell('delegate_last_name'),
      jobTitle: cell('delegate_role'),
      email: cell('delegate_email'),
      language: (cell('delegate_language') || 'en').toLowerCase(),
    };
    const before = errors.length;
    if (!delegate.externalId) fail('delegate_external_id', 'is required when a delegate is given');
    if (!delegate.firstName) fail('delegate_first_name', 'is required when a delegate is given');
    if (!delegate.lastName) fail('delegate_last_name', 'is required when a delegate is given');
    if (!isEmail(delegate.email)) fail('delegate_email', delegate.email ? `"${delegate.email}" is not an e-mail address` : 'is required when a delegate is given');
    if (!isUiLanguage(delegate.language)) fail('delegate_language', `"${delegate.language}" is not one of en, ur, zh`);
    const seenId = delegateIds.get(delegate.externalId);
    if (delegate.externalId && seenId !== undefined) fail('delegate_external_id', `"${delegate.externalId}" is already used on row ${seenId}`);
    const emailKey = delegate.email.toLowerCase();
    const seenEmail = emails.get(emailKey);
    if (delegate.email && seenEmail !== undefined) fail('delegate_email', `"${delegate.email}" is already used on row ${seenEmail}`);
    if (errors.length > before) return;
    delegateIds.set(delegate.externalId, rowNumber);
    emails.set(emailKey, rowNumber);
    delegates.push({ ...delegate, language: delegate.language as UiLanguage, organisationExternalId: externalId, row: rowNumber });
  });

  return { organisations: [...organisations.values()], delegates, errors };
}
