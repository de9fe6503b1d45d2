import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config';
import { fileTransport, smtpTransport } from '../../jobs/mail-transport';
import { outboxSummary, startOutboxWorker } from '../../jobs/outbox-worker';
import { startReminderJob } from '../../jobs/reminders';
import { CLI_ACTOR } from '../../services/actor';
import { importAttendance, readReportTable } from '../../services/training/attendance';
import { issueCertificates } from '../../services/training/certificates';
import { listProgrammes } from '../../services/training/programmes';
import { openConfiguredDatabase } from '../../server';
import { reportFailure, withDatabase } from '../database';

const wholeNumber = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0`);
  return n;
};

/** `corridor worker`: e-mail and reminders without HTTP, for running beside (or instead of) `serve`. */
function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Deliver queued e-mail (SMTP_URL, else .eml files in DATA_DIR/outbox) and queue training reminders, without serving HTTP; with DATABASE_URL several may run beside the servers')
    .option('--lease-seconds <n>', 'how long a claimed message stays reserved for this worker', wholeNumber('--lease-seconds'), 120)
    .option('--poll-ms <n>', 'pause between looks at an empty outbox', wholeNumber('--poll-ms'), 1000)
    .option('--no-reminders', 'deliver e-mail only')
    .action(async (options: { leaseSeconds: number; pollMs: number; reminders: boolean }) => {
      const config = readConfig();
      const handle = await openConfiguredDatabase(config);
      const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(path.join(config.dataDir, 'outbox'));
      const worker = startOutboxWorker(handle.db, transport, config.mailFrom, {
        leaseSeconds: options.leaseSeconds,
        intervalMs: options.pollMs,
        onError: (error) => console.error(`e-mail round failed, retrying: ${(error as Error).message}`),
      });
      const reminders = options.reminders ? startReminderJob(handle.db, () => config.publicUrl) : null;
      const waiting = await outboxSummary(handle.db);
      console.log(`worker ${process.pid}: delivering e-mail by ${config.smtpUrl ? 'SMTP' : `files in ${path.join(config.dataDir, 'outbox')}`} (${waiting.queued + waiting.sending} waiting, ${waiting.failed} failed)`);
      const stop = async () => {
        await reminders?.stop();
        await worker.stop();
        await handle.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function registerProgrammeCommands(program: Command): void {
  const training = program.command('training').description('Training programmes: list, attendance, certificates');
  training
    .command('list')
    .description('Programmes with their registration state and places left')
    .option('--past', 'include programmes that are over')
    .action(async (options: { past?: boolean }) => {
      try {
        await withDatabase(async ({ db }) => {
          for (const p of await listProgrammes(db, CLI_ACTOR, { mine: false, includePast: options.past === true })) {
            console.log(`${p.slug.padEnd(50)} ${p.registration.state.padEnd(9)} ${p.placesLeft === null ? 'no limit' : `${p.placesLeft} places left`}  ${p.title}`);
          }
        });
      } catch (error) {
        reportFailure(error);
      }
    });
  training
    .command('attendance')
    .description('Import a webinar attendance report (CSV from Zoom, Teams, Webex or Tencent Meeting) for one session')
    .argument('<programme>', 'programme id or slug')
    .argument('<session>', 'session id')
    .argument('<file>', 'the report')
    .action(async (programme: string, session: string, file: string) => {
      try {
        const table = readReportTable(await fs.readFile(file));
        await withDatabase(async ({ db }) => {
          const result = await importAttendance(db, CLI_ACTOR, programme, session, table);
          console.log(`${result.matched} registrants found in the report: ${result.present} present, ${result.belowThreshold} left too early`);
          if (result.unmatchedCount > 0) console.log(`${result.unmatchedCount} addresses match no confirmed registration: ${result.unmatched.slice(0, 10).join(', ')}${result.unmatchedCount > 10 ? ', …' : ''}`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
  training
    .command('certificates')
    .description('Issue certificates to everyone who attended enough sessions (after the last session) and e-mail them')
    .argument('<programme>', 'programme id or slug')
    .action(async (programme: string) => {
      try {
        await withDatabase(async ({ db }) => {
          const result = await issueCertificates(db, CLI_ACTOR, programme, readConfig().publicUrl);
          console.log(`${result.issued} certificates issued (${result.alreadyIssued} earlier); ${result.notQualified} registrants attended fewer than ${result.sessionsRequired} sessions`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}

export function registerTrainingCommands(program: Command): void {
  registerWorkerCommand(program);
  registerProgrammeCommands(program);
}
