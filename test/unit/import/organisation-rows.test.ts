import { describe, expect, it } from 'vitest';
import { parseOrganisationRows } from '../../../src/domain/import/organisation-rows';
import type { KnownCodes } from '../../../src/domain/profile-rules';

const known: KnownCodes = { hs: (c) => ['850760', '8507', '870380'].includes(c), isic: (c) => ['2720', '3091'].includes(c) };

const row = (overrides: Record<string, string> = {}) => ({
  external_id: 'PK-1',
  name: 'Indus Rickshaw Works',
  country: 'Pakistan',
  city: 'Lahore',
  hs_codes: '8703.80',
  isic_codes: '3091',
  offers: 'e-rickshaw assembly; dealer network',
  requests: 'LFP packs',
  request_hs_codes: '850760',
  partnership_types: 'Joint venture; supply',
  ...overrides,
});

describe('parsing import rows', () => {
  it('normalises countries, codes and partnership types and splits offers and requests into items', () => {
    const parsed = parseOrganisationRows([row()], known);
    expect(parsed.errors).toEqual([]);
    const [org] = parsed.organisations;
    expect(org).toMatchObject({ country: 'PK', hsCodes: ['870380'], partnershipTypes: ['joint_venture', 'supply'], row: 2 });
    expect(org!.items.map((i) => [i.kind, i.title])).toEqual([
      ['offer', 'e-rickshaw assembly'],
      ['offer', 'dealer network'],
      ['request', 'LFP packs'],
    ]);
    expect(org!.items[2]!.hsCodes).toEqual(['850760']);
  });

  it('names the row (header = row 1) and column of every problem', () => {
    const parsed = parseOrganisationRows(
      [row(), row({ external_id: 'PK-2', country: 'Pakistn', hs_codes: '999', value_chain_stages: 'magic' })],
      known,
    );
    expect(parsed.errors).toEqual([
      { row: 3, column: 'country', message: '"Pakistn" is not a country' },
      { row: 3, column: 'hs_codes', message: '"999" is not an HS 2022 code' },
      { row: 3, column: 'value_chain_stages', message: '"magic" is not a value-chain stage' },
    ]);
  });

  it('adds delegates from further rows and checks what those rows repeat', () => {
    const delegate = (id: string, email: string) => ({ delegate_external_id: id, delegate_first_name: 'A', delegate_last_name: 'B', delegate_email: email });
    const ok = parseOrganisationRows([row(delegate('D1', 'a@x.example')), { external_id: 'PK-1', name: 'Indus Rickshaw Works', ...delegate('D2', 'b@x.example') }], known);
    expect(ok.errors).toEqual([]);
    expect(ok.delegates.map((d) => d.externalId)).toEqual(['D1', 'D2']);
    const clash = parseOrganisationRows([row(delegate('D1', 'a@x.example')), { external_id: 'PK-1', name: 'Another name', ...delegate('D2', 'A@x.example') }], known);
    expect(clash.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:name', '3:delegate_email']);
  });

  it('reports unknown and missing columns on the header row', () => {
    const parsed = parseOrganisationRows([{ external_id: 'X', name: 'Y', countrie: 'PK' }], known);
    expect(parsed.errors).toContainEqual({ row: 1, column: 'country', message: 'column is missing' });
    expect(parsed.errors.some((e) => e.column === 'countrie' && /unknown column/.test(e.message))).toBe(true);
  });
});

describe('hostile spreadsheets', () => {
  it('never throw: every row is either accepted or reported with its row number', async () => {
    const fc = (await import('fast-check')).default;
    const { IMPORT_COLUMNS } = await import('../../../src/domain/import/organisation-rows');
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('PK', 'China', '850760', ';;;', '=cmd|x', '<b>x</b>', "'; drop table organisations; --", 'a@b.example'));
    const row = fc.dictionary(fc.oneof(fc.constantFrom(...IMPORT_COLUMNS), fc.string({ maxLength: 10 })), cell, { maxKeys: 12 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const parsed = parseOrganisationRows(rows, known);
        for (const error of parsed.errors) {
          expect(error.row).toBeGreaterThanOrEqual(1);
          expect(error.row).toBeLessThanOrEqual(rows.length + 1);
          expect(error.message.length).toBeGreaterThan(0);
        }
        if (parsed.errors.length === 0) {
          for (const org of parsed.organisations) expect(org.externalId).not.toBe('');
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
