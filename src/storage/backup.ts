import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, openDatabase } from './db';

/**
 * Backups of either kind of database: an embedded one as its data directory in a .tar.gz (what
 * PGlite's dumpDataDir writes), a server with pg_dump's custom format.
 */
export interface BackupTarget {
  databaseUrl: string | null;
  /** The embedded database's directory (used when databaseUrl is null). */
  pgliteDir: string;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`${command} is needed for a PostgreSQL server backup (Debian package postgresql-client): ${result.error.message}`);
  }
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.databaseUrl) {
    run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, target.databaseUrl]);
    return;
  }
  if (!fs.existsSync(path.join(target.pgliteDir, 'PG_VERSION'))) throw new Error(`there is no embedded database in ${target.pgliteDir}`);
  const handle = await openDatabase({ dataDir: target.pgliteDir });
  try {
    const dump = await handle.pglite!.dumpDataDir('gzip');
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(temporary, file);
  } finally {
    await handle.close();
  }
}

/**
 * Replaces the database with a backup. The embedded directory being replaced is kept beside it
 * (`…-before-restore-<time>`) until the restore has succeeded, then removed.
 */
export async function restoreDatabase(target: BackupTarget, file: string, now = new Date()): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup file ${file}`);
  if (target.databaseUrl) {
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--dbname', target.databaseUrl, file]);
    return;
  }
  const dir = target.pgliteDir;
  const release = lockDataDir(dir);
  const aside = `${dir}-before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    if (fs.existsSync(dir)) fs.renameSync(dir, aside);
    try {
      const client = new PGlite({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
      await client.waitReady;
      await client.query('select 1');
      await client.close();
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      if (fs.existsSync(aside)) fs.renameSync(aside, dir);
      throw new Error(`the backup could not be restored; the database is unchanged (${(error as Error).message})`);
    }
    fs.rmSync(aside, { recursive: true, force: true });
  } finally {
    release();
  }
}
