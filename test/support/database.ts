import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '../../src/storage/db';
import type { DatabaseHandle } from '../../src/storage/db';

/**
 * A fresh, migrated database for one test file: a copy of the run's PGlite dump, or a new database
 * on the PostgreSQL server made from the migrated template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url: string | null }> {
  const templateUrl = inject('templateDatabaseUrl');
  if (templateUrl) {
    const template = new URL(templateUrl);
    const name = `corridor_test_${crypto.randomBytes(6).toString('hex')}`;
    const adminUrl = new URL(templateUrl);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${name} template ${template.pathname.slice(1)}`);
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
    return {
      ...handle,
      url: url.toString(),
      async close() {
        await handle.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  const dump = inject('pgliteDump');
  if (!dump) throw new Error('the global test setup did not prepare a database');
  return { ...(await openDatabase({ dataDir: null, loadDataDir: new Blob([fs.readFileSync(dump)]) })), url: null };
}
