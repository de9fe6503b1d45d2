import { readConfig } from '../config';
import { AppError } from '../domain/errors';
import { openConfiguredDatabase } from '../server';
import type { DatabaseHandle } from '../storage/db';

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  let handle: DatabaseHandle;
  try {
    handle = await openConfiguredDatabase(readConfig());
  } catch (error) {
    // Nothing has been done yet: say why the database cannot be opened, without a stack trace.
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Prints an expected failure plainly and sets the exit code; anything else is a bug and keeps its stack. */
export function reportFailure(error: unknown): void {
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`);
    for (const row of error.rows?.slice(1, 50) ?? []) {
      console.error(`  row ${row.row}${row.column ? `, column "${row.column}"` : ''}: ${row.message}`);
    }
    if ((error.rows?.length ?? 0) > 50) console.error(`  … ${error.rows!.length - 50} more`);
    process.exitCode = error.code === 'VALIDATION' ? 2 : 1;
    return;
  }
  throw error;
}
