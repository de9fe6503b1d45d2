import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parse } from 'csv-parse/sync';
import type { RowError } from '../../domain/errors';
import {
  evaluateMatching,
  PAKISTAN_CHINA_ONLY,
  type EvaluationResult,
  type GoodPair,
  type PairingRule,
} from '../../domain/matching/index';
import type { OrganisationWithItems } from '../../domain/organisation';
import { readOrganisationsFile } from '../../services/import/read-organisations-file';

/** Where the command writes and reads; tests swap these for buffers. */
export interface EvalMatchingIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readOrganisations: (path: string) => Promise<{ organisations: OrganisationWithItems[]; errors: RowError[] }>;
  readonly readText: (path: string) => Promise<string>;
}

const PROCESS_IO: EvalMatchingIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readOrganisations: readOrganisationsFile,
  readText: (path) => readFile(path, 'utf8'),
};

/** Known good pairs from a CSV `a_external_id,b_external_id[,reason]` (header optional). */
export function parseGoodPairs(text: string): GoodPair[] {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const first = rows[0];
  const body = first && /external_id|^a$/i.test(first[0] ?? '') ? rows.slice(1) : rows;
  return body
    .filter((r) => r[0] && r[1])
    .map((r) => ({ a: r[0] ?? '', b: r[1] ?? '', ...(r[2] ? { reason: r[2] } : {}) }));
}

/** Event pairing rules by the names the command line accepts. */
export const PAIRING_RULES: Record<string, PairingRule> = {
  'pk-cn': PAKISTAN_CHINA_ONLY,
  'cross-border': { kind: 'different_country' },
  any: { kind: 'any' },
};

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

export function formatEvaluation(result: EvaluationResult): string {
  const k = result.k;
  const header = ['method', `precision@${k}`, `recall@${k}`, `nDCG@${k}`, 'coverage', 'exposure Gini', 'seconds'];
  const rows = result.methods.map((m) => [
    m.method,
    m.precision.toFixed(3),
    m.recall.toFixed(3),
    m.ndcg.toFixed(3),
    m.coverage.toFixed(3),
    m.exposureGini.toFixed(3),
    m.seconds === null ? '-' : m.seconds.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    `${result.organisations} organisations, ${result.evaluated} with known good partners, k = ${k}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

export function registerEvalMatchingCommand(program: Command, io: EvalMatchingIo = PROCESS_IO): void {
  program
    .command('eval-matching')
    .description('Measure partner suggestions against known good pairs, next to two baselines')
    .argument('<organisations-file>', 'organisations in the import format (CSV or XLSX)')
    .argument('<pairs-file>', 'CSV of known good pairs: a_external_id,b_external_id[,reason]')
    .option('--k <n>', 'suggestions per organisation', positiveInteger, 10)
    .addOption(
      new Option('--pairing <rule>', 'which pairs may meet: Pakistani–Chinese only, any two countries, or anyone')
        .choices(Object.keys(PAIRING_RULES))
        .default('pk-cn'),
    )
    .option('--json', 'print the result as JSON')
    .action(async (organisationsFile: string, pairsFile: string, options: { k: number; pairing: string; json?: boolean }) => {
      const { organisations, errors } = await io.readOrganisations(organisationsFile);
      // An evaluation can still say something with a few bad rows, but never silently.
      if (errors.length > 0) {
        io.err(`${organisationsFile}: ${errors.length} problem(s); evaluating the ${organisations.length} organisations read\n`);
        for (const e of errors) io.err(`  row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}\n`);
      }
      if (organisations.length === 0) {
        io.err(`${organisationsFile}: no organisations to evaluate\n`);
        process.exitCode = 1;
        return;
      }
      const pairs = parseGoodPairs(await io.readText(pairsFile));
      const pairing = PAIRING_RULES[options.pairing] ?? PAKISTAN_CHINA_ONLY;
      const result = evaluateMatching(organisations, pairs, { k: options.k, pairing, now: () => performance.now() });
      for (const p of result.unknownPairs) io.err(`${pairsFile}: pair ${p.a},${p.b} names an organisation not in ${organisationsFile}\n`);
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatEvaluation(result));
    });
}
