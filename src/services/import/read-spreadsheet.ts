import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors';

export type SpreadsheetRow = Record<string, string>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isXlsx(buffer: Buffer, filename: string): boolean {
  if (/\.xlsx$/i.test(filename)) return true;
  return ZIP_MAGIC.every((byte, i) => buffer[i] === byte);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<SpreadsheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('VALIDATION', `the file is not a readable XLSX workbook (${(error as Error).message})`, 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', 'the workbook has no worksheet', 'file');
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value).trim();
  });
  const rows: SpreadsheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: SpreadsheetRow = {};
    headers.forEach((header, col) => {
      if (header) record[header] = cellText(row.getCell(col).value);
    });
    rows.push(record);
  }
  // Trailing blank rows are formatting, not data.
  while (rows.length && Object.values(rows[rows.length - 1]!).every((v) => v.trim() === '')) rows.pop();
  return rows;
}

function readCsv(buffer: Buffer): SpreadsheetRow[] {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: false, trim: false }) as SpreadsheetRow[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new AppError('VALIDATION', `the CSV file cannot be read${e.lines ? ` at line ${e.lines}` : ''}: ${e.message}`, 'file');
  }
}

/** Reads the first sheet of an XLSX workbook or a UTF-8 CSV into rows keyed by their header. */
export async function readSpreadsheet(buffer: Buffer, filename: string): Promise<SpreadsheetRow[]> {
  return isXlsx(buffer, filename) ? readXlsx(buffer) : readCsv(buffer);
}

export async function readSpreadsheetFile(file: string): Promise<SpreadsheetRow[]> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (error) {
    throw new AppError('VALIDATION', `cannot read ${path.basename(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'file');
  }
  return readSpreadsheet(buffer, file);
}
