import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../services/actor';
import { resolveEventId } from '../../services/access';
import { loadDemoEvent } from '../../services/demo/load-demo';
import { exportTable } from '../../services/export/export-event';
import type { ExportKind } from '../../services/export/export-event';
import { writeTable } from '../../services/export/spreadsheet-writer';
import type { ExportFormat } from '../../services/export/spreadsheet-writer';
import { importOrganisations } from '../../services/import/import-organisations';
import { readSpreadsheetFile } from '../../services/import/read-spreadsheet';
import { reportFailure, withDatabase } from '../database';

export function registerDataCommands(program: Command): void {
  program
    .command('migrate')
    .description('Create or upgrade the database schema (also done on every start)')
    .action(async () => {
      await withDatabase(async (handle) => console.log(`database is up to date (${handle.kind})`));
    });

  program
    .command('demo')
    .description('Load the demo event "Pakistan–China Business Conference" if it is not there yet')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const demo = await loadDemoEvent(db, { password: process.env.DEMO_PASSWORD });
        console.log(`${demo.created ? 'loaded' : 'already present'}: event ${demo.eventId} with ${demo.organisations} organisations and ${demo.delegates} delegates`);
        console.log(`sign in with password "${demo.password}" as:`);
        for (const login of demo.logins) console.log(`  ${login.role.padEnd(9)} ${login.email}`);
      });
    });

  program
    .command('import')
    .description('Import organisations and delegates from a CSV or XLSX file (columns in the README); all rows or none')
    .argument('<event>', 'event id or slug')
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--dry-run', 'check the file and report what would change, store nothing')
    .action(async (eventRef: string, file: string, options: { dryRun?: boolean }) => {
      try {
        await withDatabase(async ({ db }) => {
          const eventId = await resolveEventId(db, eventRef);
          const rows = await readSpreadsheetFile(file);
          const started = Date.now();
          const summary = await importOrganisations(db, CLI_ACTOR, eventId, rows, { dryRun: options.dryRun });
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(
            `${summary.dryRun ? 'dry run, nothing stored: ' : ''}organisations ${summary.organisations.created} new, ${summary.organisations.updated} updated; ` +
              `delegates ${summary.delegates.created} new, ${summary.delegates.updated} updated; ${summary.items} offers and requests (${seconds} s)`,
          );
        });
      } catch (error) {
        reportFailure(error);
      }
    });

  program
    .command('export')
    .description('Export delegates (in the import format), requests or meetings')
    .argument('<event>', 'event id or slug')
    .argument('<what>', 'delegates | requests | meetings')
    .option('-o, --output <file>', 'file to write; its extension (.csv or .xlsx) picks the format', '')
    .option('-f, --format <format>', 'csv or xlsx (default: from --output, else csv to stdout)')
    .action(async (eventRef: string, what: string, options: { output: string; format?: string }) => {
      try {
        if (!['delegates', 'requests', 'meetings'].includes(what)) {
          console.error(`error: <what> must be delegates, requests or meetings, not "${what}"`);
          process.exitCode = 2;
          return;
        }
        const format = (options.format ?? (path.extname(options.output).slice(1) || 'csv')).toLowerCase();
        if (format !== 'csv' && format !== 'xlsx') {
          console.error(`error: --format must be csv or xlsx, not "${format}"`);
          process.exitCode = 2;
          return;
        }
        await withDatabase(async ({ db }) => {
          const eventId = await resolveEventId(db, eventRef);
          const table = await exportTable(db, CLI_ACTOR, eventId, what as ExportKind);
          const buffer = await writeTable(table, format as ExportFormat, what);
          if (options.output) {
            await fs.writeFile(options.output, buffer);
            console.error(`wrote ${table.rows.length} rows to ${options.output}`);
          } else if (format === 'xlsx') {
            console.error('error: give --output FILE for xlsx');
            process.exitCode = 2;
          } else {
            process.stdout.write(buffer);
          }
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
