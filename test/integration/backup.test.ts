import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/storage/db';
import { backupDatabase, restoreDatabase } from '../../src/storage/backup';
import { fillWithData, fingerprint } from '../support/fingerprint';
import { organisations } from '../../src/storage/schema';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-backup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('round-trips every table of the embedded database', async () => {
    const dir = path.join(scratch, 'pglite');
    const first = await openDatabase({ dataDir: dir });
    await migrateDatabase(first);
    await fillWithData(first.db);
    const before = await fingerprint(first.db);
    await first.close();

    const file = path.join(scratch, 'corridor.tar.gz');
    await backupDatabase({ databaseUrl: null, pgliteDir: dir }, file);

    const changed = await openDatabase({ dataDir: dir });
    await changed.db.delete(organisations);
    await fillWithData(changed.db);
    expect(await fingerprint(changed.db)).not.toEqual(before);
    await changed.close();

    await restoreDatabase({ databaseUrl: null, pgliteDir: dir }, file);
    const restored = await openDatabase({ dataDir: dir });
    expect(await fingerprint(restored.db)).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(15);
    await restored.close();
    expect(fs.readdirSync(scratch).filter((f) => f.includes('before-restore'))).toEqual([]);
  }, 120_000);

  it('says plainly when there is nothing to back up', () => {
    const result = spawnSync(process.execPath, ['bin/corridor.js', 'backup', path.join(scratch, 'x.tar.gz')], {
      cwd: root,
      env: { ...process.env, DATA_DIR: path.join(scratch, 'empty'), DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no embedded database in/);
  }, 60_000);
});
