import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { delegates, marketplaceItems, organisations } from '../../src/storage/schema';
import { AppError } from '../../src/domain/errors';
import { importOrganisations } from '../../src/services/import/import-organisations';
import { readSpreadsheet } from '../../src/services/import/read-spreadsheet';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildEvent } from '../support/factories';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures', name));

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function counts(eventId: string) {
  const [orgs, people, items] = await Promise.all([
    handle.db.select().from(organisations).where(eq(organisations.eventId, eventId)),
    handle.db.select().from(delegates).where(eq(delegates.eventId, eventId)),
    handle.db.select().from(marketplaceItems).where(eq(marketplaceItems.eventId, eventId)),
  ]);
  return { organisations: orgs.length, delegates: people.length, items: items.length };
}

describe('spreadsheet import', () => {
  it('imports organisations, delegates and their offers and requests; re-importing changes nothing', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const rows = await readSpreadsheet(fixture('organisations-good.csv'), 'organisations.csv');
    const first = await importOrganisations(handle.db, organiser.actor, event.id, rows);
    expect(first).toMatchObject({ organisations: { created: 3, updated: 0 }, delegates: { created: 3, updated: 0 }, items: 7 });
    const [indus] = await handle.db.select().from(organisations).where(eq(organisations.externalId, 'PK-1'));
    expect(indus).toMatchObject({ country: 'PK', hsCodes: ['870380'], requestHsCodes: ['850760'], languages: ['en', 'ur'] });

    const before = await counts(event.id);
    const second = await importOrganisations(handle.db, organiser.actor, event.id, rows);
    expect(second).toMatchObject({ organisations: { created: 0, updated: 3 }, delegates: { created: 0, updated: 3 } });
    expect(await counts(event.id)).toEqual(before);
  });

  it('rejects a file with a bad row as a whole, naming the row and the column', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    await importOrganisations(handle.db, organiser.actor, event.id, await readSpreadsheet(fixture('organisations-good.csv'), 'a.csv'));
    const before = await counts(event.id);
    const rows = await readSpreadsheet(fixture('organisations-bad-country.csv'), 'b.csv');
    const error = await importOrganisations(handle.db, organiser.actor, event.id, rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('row 4, column "country": "Pakistn" is not a country');
    expect(await counts(event.id)).toEqual(before);
  });

  it('reads XLSX workbooks like CSV files', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const csvRows = await readSpreadsheet(fixture('organisations-good.csv'), 'a.csv');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Delegates');
    const columns = Object.keys(csvRows[0]!);
    sheet.addRow(columns);
    for (const row of csvRows) sheet.addRow(columns.map((c) => row[c]));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsxRows = await readSpreadsheet(buffer, 'delegates.xlsx');
    expect(xlsxRows).toEqual(csvRows);
    expect((await importOrganisations(handle.db, organiser.actor, event.id, xlsxRows)).organisations.created).toBe(3);
  });

  it('previews an upload over HTTP without storing it, then imports it', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const boundary = '----corridor';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orgs.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      fixture('organisations-good.csv'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (query: string) =>
      as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/import${query}`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const preview = await upload('?dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, organisations: { created: 3 } });
    expect((await counts(event.id)).organisations).toBe(0);
    expect((await upload('')).json()).toMatchObject({ dryRun: false, organisations: { created: 3 } });
    expect((await counts(event.id)).organisations).toBe(3);
  });

  it('exports delegates in the import format, so the export imports back unchanged', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    await importOrganisations(handle.db, organiser.actor, event.id, await readSpreadsheet(fixture('organisations-good.csv'), 'a.csv'));
    const exported = await as(app, organiser.token)({ url: `/api/events/${event.id}/export/delegates?format=csv` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const rows = await readSpreadsheet(exported.rawPayload, 'export.csv');
    expect(rows).toHaveLength(4);
    const again = await importOrganisations(handle.db, organiser.actor, event.id, rows);
    expect(again).toMatchObject({ organisations: { created: 0, updated: 3 }, delegates: { created: 0, updated: 3 }, items: 7 });

    const xlsx = await as(app, organiser.token)({ url: `/api/events/${event.id}/export/requests?format=xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('request_id');
  });

  it('is for organisers only', async () => {
    const { event } = await buildEvent(handle.db);
    const other = await buildEvent(handle.db);
    expect((await as(app, other.organiser.token)({ url: `/api/events/${event.id}/export/delegates` })).statusCode).toBe(403);
  });
});
