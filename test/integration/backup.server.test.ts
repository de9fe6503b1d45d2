import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/storage/backup';
import { organisations } from '../../src/storage/schema';
import { createTestDatabase } from '../support/database';
import { fillWithData, fingerprint } from '../support/fingerprint';

// Runs only against a PostgreSQL server (DATABASE_URL), as the CI's second pass does.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-pgdump-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('backup and restore on a PostgreSQL server', () => {
  it('round-trips every table with pg_dump and pg_restore', async () => {
    const handle = await createTestDatabase();
    try {
      expect(handle.url).toBeTruthy();
      await fillWithData(handle.db);
      const before = await fingerprint(handle.db);
      const file = path.join(scratch, 'corridor.pgdump');
      await backupDatabase({ databaseUrl: handle.url, pgliteDir: '' }, file);
      await handle.db.delete(organisations);
      expect(await fingerprint(handle.db)).not.toEqual(before);
      await restoreDatabase({ databaseUrl: handle.url, pgliteDir: '' }, file);
      expect(await fingerprint(handle.db)).toEqual(before);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
