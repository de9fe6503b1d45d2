import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The HS 2022 and ISIC Rev.4 tables shipped in reference/, read once on first use. */
export interface CodeEntry {
  code: string;
  description: string;
  level: string;
  parent: string;
}

export interface CodeCatalog {
  hs: ReadonlyMap<string, CodeEntry>;
  isic: ReadonlyMap<string, CodeEntry>;
}

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference');

let cached: CodeCatalog | null = null;

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true });
}

export function codeCatalog(): CodeCatalog {
  if (cached) return cached;
  const hs = new Map<string, CodeEntry>();
  for (const row of readCsv('hs2022_harmonized_system.csv')) {
    const code = row.hscode ?? '';
    if (!/^\d{2,6}$/.test(code)) continue;
    hs.set(code, { code, description: row.description ?? '', level: row.level ?? '', parent: row.parent ?? '' });
  }
  const isic = new Map<string, CodeEntry>();
  for (const row of readCsv('isic_rev4_en.csv')) {
    const code = row.code ?? '';
    isic.set(code, { code, description: row.description ?? '', level: row.level ?? '', parent: row.parent ?? '' });
  }
  cached = { hs, isic };
  return cached;
}

/** Searches codes by prefix or words in their description (for pickers in the web app). */
export function searchCodes(
  table: ReadonlyMap<string, CodeEntry>,
  query: string,
  limit = 20,
): CodeEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const out: CodeEntry[] = [];
  for (const entry of table.values()) {
    const hay = entry.description.toLowerCase();
    if (entry.code.toLowerCase().startsWith(q) || words.every((w) => hay.includes(w))) {
      out.push(entry);
      if (out.length >= limit) break;
    }
  }
  return out;
}
