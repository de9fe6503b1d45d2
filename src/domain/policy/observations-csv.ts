import { CsvError, parse } from 'csv-parse/sync';
import {
  METRIC_LABELS,
  METRICS,
  isMetric,
  type Metric,
  type Observation,
  type ObservationKind,
  type Period,
  type SegmentScope,
  type SourceRef,
} from './model';

/**
 * Reads new market observations from CSV text (the format is described in README.md next to
 * this file). Pure: the caller reads the file. Every problem is reported with its row (the header
 * is row 1, as a spreadsheet numbers it) and column; rows with a problem are left out, so a
 * caller can refuse the whole file or take the good rows.
 */

/** Shaped like the product's row errors, so a caller can raise them as one validation error. */
export interface ObservationImportError {
  /** Row as a spreadsheet numbers it: the header is row 1; a broken file reports its line. */
  readonly row: number;
  readonly column?: string;
  readonly message: string;
}

export interface ObservationImport {
  readonly observations: Observation[];
  readonly errors: ObservationImportError[];
}

const REQUIRED_COLUMNS = ['segment', 'period', 'metric', 'value', 'source'] as const;
const OPTIONAL_COLUMNS = ['kind', 'label', 'note'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
const SCOPE_NAMES = 'two_wheeler, three_wheeler, car, bus, truck, two_and_three_wheelers or all_vehicles';

/** Names a spreadsheet might use, after lower-casing and turning spaces and hyphens into `_`. */
const SEGMENT_NAMES: Readonly<Record<string, SegmentScope>> = {
  two_wheeler: 'two_wheeler', two_wheelers: 'two_wheeler', '2_wheeler': 'two_wheeler', '2_wheelers': 'two_wheeler',
  e_bike: 'two_wheeler', e_bikes: 'two_wheeler', motorcycle: 'two_wheeler', motorcycles: 'two_wheeler',
  three_wheeler: 'three_wheeler', three_wheelers: 'three_wheeler', '3_wheeler': 'three_wheeler',
  '3_wheelers': 'three_wheeler', rickshaw: 'three_wheeler', rickshaws: 'three_wheeler',
  e_rickshaw: 'three_wheeler', e_rickshaws: 'three_wheeler',
  car: 'car', cars: 'car', bus: 'bus', buses: 'bus', truck: 'truck', trucks: 'truck',
  two_and_three_wheelers: 'two_and_three_wheelers', '2_and_3_wheelers': 'two_and_three_wheelers',
  all: 'all_vehicles', all_vehicles: 'all_vehicles',
};

export function parseObservationsCsv(text: string, options: { idPrefix?: string } = {}): ObservationImport {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error['lines'] === 'number' ? error['lines'] : 1;
    return { observations: [], errors: [{ row: line, message: `line ${line}: ${error.message}` }] };
  }
  const [header, ...rows] = records;
  if (header === undefined || header.every((cell) => cell === '')) {
    return { observations: [], errors: [{ row: 1, message: 'the file is empty: expected a header row' }] };
  }
  const columns = header.map(normaliseName);
  const headerErrors = checkHeader(columns);
  if (headerErrors.length > 0) return { observations: [], errors: headerErrors };

  const observations: Observation[] = [];
  const errors: ObservationImportError[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell === '')) return;
    if (cells.length !== columns.length) {
      errors.push({ row, message: `row ${row}: has ${cells.length} values, the header has ${columns.length} columns` });
      return;
    }
    const cell = (column: Column): string => cells[columns.indexOf(column)] ?? '';
    const result = readRow(row, cell, options.idPrefix ?? 'imported');
    if ('errors' in result) {
      errors.push(...result.errors);
      return;
    }
    const o = result.observation;
    const key = [o.scope, o.metric, o.period.year, o.sources[0]?.citation].join('|');
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      errors.push({ row, message: `row ${row}: repeats row ${earlier} (same segment, period, metric and source)` });
      return;
    }
    firstRowOf.set(key, row);
    observations.push(o);
  });
  return { observations, errors };
}

function checkHeader(columns: readonly string[]): ObservationImportError[] {
  const errors: ObservationImportError[] = [];
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) {
      errors.push({ row: 1, column: required, message: `row 1, column "${required}": the column is missing` });
    }
  }
  columns.forEach((name, i) => {
    if (!KNOWN_COLUMNS.includes(name)) {
      errors.push({ row: 1, column: name, message: `row 1, column ${i + 1}: "${name}" is not a known column (expected ${KNOWN_COLUMNS.join(', ')})` });
    } else if (columns.indexOf(name) !== i) {
      errors.push({ row: 1, column: name, message: `row 1, column "${name}": the column appears twice` });
    }
  });
  return errors;
}

function readRow(
  row: number,
  cell: (column: Column) => string,
  idPrefix: string,
): { observation: Observation } | { errors: ObservationImportError[] } {
  const errors: ObservationImportError[] = [];
  const fail = (column: Column, problem: string): null => {
    errors.push({ row, column, message: `row ${row}, column "${column}": ${problem}` });
    return null;
  };

  const scope =
    SEGMENT_NAMES[normaliseName(cell('segment'))] ??
    fail('segment', `"${cell('segment')}" is not a segment (expected ${SCOPE_NAMES})`);
  const metricText = normaliseName(cell('metric'));
  const metric = isMetric(metricText)
    ? metricText
    : fail('metric', `"${cell('metric')}" is not a metric (expected ${METRICS.join(', ')})`);
  const period =
    readPeriod(cell('period')) ??
    fail('period', `"${cell('period')}" is not a year (2025) or fiscal year (FY2024-25)`);
  // The unit of the value depends on the metric, so an unknown metric leaves it unchecked.
  const value = metric === null ? null : readValue(cell('value'), metric, (problem) => fail('value', problem));
  const source = readSource(cell('source'), (problem) => fail('source', problem));
  const kindText = cell('kind').toLowerCase() || 'observed';
  const kind: ObservationKind | null =
    kindText === 'observed' || kindText === 'programme'
      ? kindText
      : fail('kind', `"${cell('kind')}" is not a kind (expected observed or programme)`);

  if (scope === null || metric === null || period === null || value === null || source === null || kind === null) {
    return { errors };
  }
  const note = cell('note');
  return {
    observation: {
      id: `${idPrefix}/row-${row}`,
      scope,
      metric,
      period,
      value,
      kind,
      label: cell('label') || METRIC_LABELS[metric],
      ...(note === '' ? {} : { note }),
      sources: [source],
    },
  };
}

function readPeriod(text: string): Period | null {
  const year = /^(\d{4})$/.exec(text);
  if (year?.[1] !== undefined) return inRange({ label: text, year: Number(year[1]) });
  const fiscal = /^(?:FY\s?)?(\d{4})\s?[-–/]\s?(\d{2}|\d{4})$/i.exec(text);
  if (fiscal?.[1] === undefined || fiscal[2] === undefined) return null;
  const start = Number(fiscal[1]);
  const end = fiscal[2].length === 2 ? Math.floor(start / 100) * 100 + Number(fiscal[2]) : Number(fiscal[2]);
  // A fiscal year spans two consecutive calendar years; the period counts as the year it ends in.
  if (end !== start + 1) return null;
  return inRange({ label: `FY${start}-${String(end).slice(2)}`, year: end });
}

function inRange(period: Period): Period | null {
  return period.year >= 1990 && period.year <= 2100 ? period : null;
}

/** Shares are written in percent (30 or 30%), as IEA publishes them; counts as plain numbers. */
function readValue(text: string, metric: Metric, fail: (problem: string) => null): number | null {
  if (text === '') return fail('the value is empty');
  const percent = metric === 'sales_share' && text.endsWith('%');
  // Spreadsheets export 1,518,752 in quotes; commas are dropped only in that grouped form.
  const bare = percent ? text.slice(0, -1).trim() : text;
  const digits = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(bare) ? bare.replaceAll(',', '') : bare;
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(digits)) return fail(`"${text}" is not a number`);
  const value = Number(digits);
  if (value < 0) return fail(`${text} is negative`);
  if (metric === 'sales_share') {
    if (value > 100) return fail(`${text} is more than 100%`);
    return value / 100;
  }
  return value;
}

function readSource(text: string, fail: (problem: string) => null): SourceRef | null {
  if (text === '') return fail('the source is empty: give a URL or a citation');
  if (!/^https?:\/\//i.test(text)) return { ref: text, citation: text, url: null };
  try {
    const url = new URL(text);
    return { ref: url.hostname.replace(/^www\./, ''), citation: text, url: url.toString() };
  } catch {
    return fail(`"${text}" is not a valid URL`);
  }
}

function normaliseName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
