import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';
export type Table = { columns: string[]; rows: (string | number | null)[][] };

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// Cells starting with these are run as formulas by spreadsheet programs; a leading quote keeps them text.
const FORMULA_START = /^[=+\-@\t\r]/;

function inert(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

export async function writeTable(table: Table, format: ExportFormat, sheetName: string): Promise<Buffer> {
  if (format === 'csv') {
    // A BOM lets spreadsheet programs read Urdu and Chinese text as UTF-8.
    return Buffer.from(`\uFEFF${stringify([table.columns, ...table.rows.map((r) => r.map(inert))])}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(inert));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
