import path from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config';
import { backupDatabase, restoreDatabase } from '../../storage/backup';
import type { BackupTarget } from '../../storage/backup';

function target(): BackupTarget {
  const config = readConfig();
  return { databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') };
}

async function attempt(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write a backup: the embedded database as .tar.gz, or pg_dump of the DATABASE_URL server')
    .argument('<file>', 'backup file to write')
    .action((file: string) =>
      attempt(async () => {
        await backupDatabase(target(), file);
        console.log(`backup written to ${file}`);
      }),
    );
  program
    .command('restore')
    .description('Replace the database with a backup made by "corridor backup" (stop the server first)')
    .argument('<file>', 'backup file to read')
    .action((file: string) =>
      attempt(async () => {
        await restoreDatabase(target(), file);
        console.log(`restored from ${file}`);
      }),
    );
}
