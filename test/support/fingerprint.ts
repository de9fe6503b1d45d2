import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/storage/db';
import { rowsOf } from '../../src/storage/db';
import { importOrganisations } from '../../src/services/import/import-organisations';
import { readSpreadsheet } from '../../src/services/import/read-spreadsheet';
import { buildAcceptedMeeting, buildDelegate, buildEvent } from './factories';

const root = path.resolve(import.meta.dirname, '../..');

/** A fingerprint of every table's full contents, to compare a database before and after. */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`));
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ digest: string; n: number }>(
      await db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as n from "${name}" t`)),
    );
    out[name] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

export async function fillWithData(db: Database) {
  const { event, organiser } = await buildEvent(db);
  const rows = await readSpreadsheet(fs.readFileSync(path.join(root, 'test/fixtures/organisations-good.csv')), 'a.csv');
  await importOrganisations(db, organiser.actor, event.id, rows);
  const a = await buildDelegate(db, event.id, { country: 'PK', description: 'اردو اور 中文 text' });
  const b = await buildDelegate(db, event.id, { country: 'CN' });
  await buildAcceptedMeeting(db, event.id, a.delegate.id, b.delegate.id);
  return event;
}

