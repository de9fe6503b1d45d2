import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  CHEMISTRIES,
  CHEMISTRY_LABELS,
  DEFAULT_SCENARIO_ID,
  SCENARIOS,
  SCOPE_LABELS,
  findScenario,
  loadDefaultDataset,
  parseObservationsCsv,
  policyReport,
  withObservations,
  type PolicyDataset,
  type PolicyReport,
  type SourceRef,
  type TargetProgress,
} from '../../domain/policy/index';
import { CLI_ACTOR } from '../../services/actor';
import { importObservations, listStoredObservations } from '../../services/policy-observations';
import { reportFailure, withDatabase } from '../database';

/** Where the command writes and reads; tests swap these for buffers. */
export interface PolicyCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readText: (path: string) => Promise<string>;
}

const PROCESS_IO: PolicyCommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readText: (path) => readFile(path, 'utf8'),
};

export function registerPolicyCommand(program: Command, io: PolicyCommandIo = PROCESS_IO): void {
  const policy = program
    .command('policy')
    .description('NEV policy and market tracker: targets, projections, battery demand');

  policy
    .command('report')
    .description('Print targets, projection, gap and battery demand for one scenario')
    .addOption(
      new Option('--scenario <name>', 'scenario to project')
        .choices(SCENARIOS.map((s) => s.id))
        .default(DEFAULT_SCENARIO_ID),
    )
    .option('--json', 'print the full report as JSON')
    .option('--observations <file>', 'add observations from a CSV file (checked, not stored)')
    .option('--stored', 'add the observations imported into the database (DATABASE_URL or DATA_DIR), as the server does')
    .action(async (options: { scenario: string; json?: boolean; observations?: string; stored?: boolean }) => {
      const scenario = findScenario(options.scenario);
      if (scenario === undefined) throw new Error(`unknown scenario ${options.scenario}`);
      let dataset: PolicyDataset = loadDefaultDataset();
      if (options.stored === true) {
        dataset = withObservations(dataset, await withDatabase(({ db }) => listStoredObservations(db)));
      }
      if (options.observations !== undefined) {
        const imported = parseObservationsCsv(await io.readText(options.observations));
        if (imported.errors.length > 0) {
          io.err(`${options.observations}: ${imported.errors.length} problem(s), nothing used\n`);
          for (const e of imported.errors) io.err(`  ${e.message}\n`);
          process.exitCode = 1;
          return;
        }
        dataset = withObservations(dataset, imported.observations);
      }
      const report = policyReport(dataset, scenario);
      io.out(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatPolicyReport(report));
    });

  policy
    .command('import')
    .description('Store market observations from a CSV file: all rows or none; a row imported again is updated')
    .argument('<file>', 'CSV with columns segment, period, metric, value, source (and kind, label, note)')
    .option('--dry-run', 'check the file and say what would change, storing nothing')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const text = await io.readText(file);
      try {
        const summary = await withDatabase(({ db }) => importObservations(db, CLI_ACTOR, text, { dryRun: options.dryRun === true }));
        io.out(`${summary.dryRun ? 'would store' : 'stored'}: ${summary.created} new, ${summary.updated} updated\n`);
      } catch (error) {
        reportFailure(error);
      }
    });

  policy
    .command('scenarios')
    .description('List the scenarios the report can project')
    .action(() => {
      io.out(
        table(
          ['Scenario', 'Subsidy', 'Pack prices', 'What it assumes'],
          SCENARIOS.map((s) => [s.id, s.subsidy ? 'on' : 'off', `${percent(-s.packPriceDeclinePerYear)}/yr`, s.description]),
          'llrl',
        ),
      );
    });
}

/** The report as the tables a reader scans: targets, other targets, battery demand, sources. */
export function formatPolicyReport(report: PolicyReport): string {
  const { scenario, projection } = report;
  const base = projection.baseYear;
  const horizon = projection.horizonYear;
  const stockTargets = report.progress.filter(
    (p) => p.target.metric === 'cumulative_units' && p.target.year === horizon,
  );
  const otherTargets = report.progress.filter((p) => !stockTargets.includes(p));
  const utilisation = report.assumptions.find((a) => a.id === 'battery.assembly_utilisation')?.value;
  const lines = [
    `NEV policy tracker: ${scenario.label} (scenario "${scenario.id}")`,
    scenario.description,
    `Years are Pakistan fiscal years named by the year they end in (${base} = FY${base - 1}-${String(base).slice(2)}).`,
    '',
    `Electric vehicles on the road by ${horizon}: NEV Policy 2025–2030 targets`,
    stockTable(report, stockTargets),
    'Gap = target − projection; negative means ahead of target. ' +
      'Growth needed = the same growth every year from the starting value.',
    '',
    'Other targets',
    otherTargetsTable(horizon, otherTargets),
    'Charging: the projection counts public charging points; the targets count stations, ' +
      'which may hold several points.',
    '',
    'Battery demand, GWh a year, and public charging points implied',
    batteryTable(report),
    `Local pack-assembly capacity needed: ${gwh(report.batteryDemand.packAssemblyCapacityGwh)} GWh a year ` +
      `(peak demand ${gwh(report.batteryDemand.peak.gwh)} GWh in ${report.batteryDemand.peak.year}, ` +
      `lines at ${typeof utilisation === 'number' ? percent(utilisation) : '?'} utilisation).`,
    '',
    ...report.programmeChecks.map(
      ({ observation: o, projectedEvSales }) =>
        `Programme: ${count(o.value)} ${SCOPE_LABELS[o.scope].toLowerCase()} funded in ${o.period.label} ` +
        `${refs(o.sources)}; projected electric sales that year: ${optional(projectedEvSales, count)}.`,
    ),
  ];
  const segmentNotes = projection.segments.flatMap((s) => s.notes.map((n) => `- ${SCOPE_LABELS[s.segment]}: ${n}`));
  if (segmentNotes.length > 0) lines.push('', 'Notes', ...segmentNotes);
  const methods = projection.segments.map((s) => `${SCOPE_LABELS[s.segment]} ${s.method}`).join(', ');
  lines.push(
    '',
    `Method per segment: ${methods}; borrowed growth rate ${projection.comparableGrowthRate.toFixed(3)} a year.`,
    '',
    'Assumptions (each explained in the JSON report and the tracker README)',
    ...report.assumptions.map((a) => `- ${a.label}`),
    '',
    'Sources',
    ...report.sources.map((s) => `${s.ref} ${s.citation}${s.url === null ? '' : ` <${s.url}>`}`),
  );
  return `${lines.join('\n')}\n`;
}

function stockTable(report: PolicyReport, progress: readonly TargetProgress[]): string {
  const horizon = report.projection.horizonYear;
  const rows = progress.map((p) => {
    const segment = report.projection.segments.find((s) => s.segment === p.target.scope);
    const projectedShare = segment?.years.find((y) => y.year === horizon)?.salesShare ?? null;
    const neededShare = p.requiredCurve === null ? 'out of reach' : percent(p.requiredCurve.shareInTargetYear);
    return [
      SCOPE_LABELS[p.target.scope],
      `${count(p.target.value)} ${refs(p.target.sources)}`,
      latestText(p),
      optional(p.projected, count),
      optional(p.gap, count),
      growthText(p),
      segment === undefined ? '' : `${optional(projectedShare, percent)} / ${neededShare}`,
    ];
  });
  const headers = [
    'Segment',
    `Target ${horizon}`,
    'Latest observation',
    `Projected ${horizon}`,
    'Gap',
    'Growth needed',
    `Sales share ${horizon}: projected / needed`,
  ];
  return table(headers, rows, 'lrlrrrr');
}

function otherTargetsTable(horizon: number, progress: readonly TargetProgress[]): string {
  const rows = progress.map((p) => {
    const share = p.target.metric === 'sales_share';
    const format = share ? percent : count;
    const scope = p.target.scope === 'all_vehicles' ? '' : `, ${SCOPE_LABELS[p.target.scope]}`;
    const unit = p.target.metric === 'charging_stations' ? ' points' : '';
    return [
      `${p.target.label}${scope} ${refs(p.target.sources)}`,
      `${format(p.target.value)} by ${p.target.year}`,
      p.projected === null ? `beyond ${horizon}` : `${format(p.projected)}${unit}`,
      optional(p.gap, share ? points : count),
      growthText(p),
    ];
  });
  return table(['Target', 'Value', `Projected ${horizon}`, 'Gap', 'Growth needed'], rows, 'lrrrr');
}

function batteryTable(report: PolicyReport): string {
  const rows = report.batteryDemand.years.map((y) => [
    String(y.year),
    ...CHEMISTRIES.map((c) => gwh(y.gwhByChemistry[c])),
    gwh(y.totalGwh),
    count(y.packValueUsdMillion),
    count(report.chargers.find((c) => c.year === y.year)?.publicChargingPoints ?? 0),
  ]);
  const headers = ['Year', ...CHEMISTRIES.map((c) => CHEMISTRY_LABELS[c]), 'Total GWh', 'Packs, US$ m', 'Charging points'];
  return table(headers, rows, 'lrrrrrr');
}

function latestText(p: TargetProgress): string {
  const o = p.latestObservation;
  if (o !== null) return `${count(o.value)} (${o.period.label}) ${refs(o.sources)}`;
  return p.baseline === null ? 'none' : `none (modelled ${count(p.baseline.value)})`;
}

function growthText(p: TargetProgress): string {
  const path = p.requiredPath;
  if (path === null) return '—';
  if (path.annualGrowth === null) return `+${count(path.annualAddition)}/yr`;
  return `${path.annualGrowth >= 0 ? '+' : ''}${percent(path.annualGrowth)}/yr`;
}

function refs(sources: readonly SourceRef[]): string {
  return sources.map((s) => (s.ref.startsWith('[') ? s.ref : `[${s.ref}]`)).join('');
}

function optional(value: number | null, format: (v: number) => string): string {
  return value === null ? '—' : format(value);
}

function count(value: number): string {
  // `|| 0` turns the −0 a tiny negative rounds to into 0.
  return (Math.round(value) || 0).toLocaleString('en-US');
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function points(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} pts`;
}

function gwh(value: number): string {
  return value.toFixed(2);
}

/** A plain-text table; `align` has one letter per column, l or r. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(headers), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n');
}
