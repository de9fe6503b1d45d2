import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/storage/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated database; each test file starts from a copy. */
    pgliteDump: string | null;
    /** PostgreSQL server: a migrated template database each test file copies. */
    templateDatabaseUrl: string | null;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Prepares one migrated database per run; test files copy it instead of migrating again. */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = `corridor_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, template), poolSize: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide('templateDatabaseUrl', withDatabase(serverUrl, template));
    project.provide('pgliteDump', null);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`).catch(() => admin.query(`drop database if exists ${template}`));
      await admin.end();
    };
  }
  const handle = await openDatabase({ dataDir: null });
  await migrateDatabase(handle);
  const dump = await handle.pglite!.dumpDataDir('gzip');
  await handle.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-test-')), 'migrated.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('templateDatabaseUrl', null);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
