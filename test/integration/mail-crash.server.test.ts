import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/storage/db';
import { rowsOf } from '../../src/storage/db';
import { outbox } from '../../src/storage/schema';
import { enqueueMail } from '../../src/services/mail/enqueue';
import { createTestDatabase } from '../support/database';
import { startSmtp } from '../support/smtp';

// A real worker process killed with SIGKILL needs a PostgreSQL server (an embedded database
// belongs to one process): this file runs in the CI's server pass, where DATABASE_URL is set.
let handle: DatabaseHandle;
const FROM = 'Corridor <no-reply@corridor.test>';

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const templateUrl = inject('templateDatabaseUrl');
const root = path.resolve(import.meta.dirname, '../..');

/** Waits for another process's effect to show in the database (a condition, not a fixed pause). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startWorker(databaseUrl: string, smtpUrl: string): ChildProcess {
  const child = spawn(process.execPath, ['bin/corridor.js', 'worker', '--lease-seconds', '60', '--poll-ms', '100', '--no-reminders'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, MAIL_FROM: FROM, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk) => process.stderr.write(chunk));
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

describe('a worker process killed mid-send', () => {
  it('is restarted and every message is delivered exactly once', async () => {
    const [{ name }] = rowsOf<{ name: string }>(await handle.db.execute(sql`select current_database() as name`)) as [{ name: string }];
    const databaseUrl = new URL(templateUrl!);
    databaseUrl.pathname = `/${name}`;
    const ids = await handle.db.transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueMail(tx, `crash-${i}@mail.test`, 'test', { subject: `Crash ${i}`, text: `Message ${i}` });
      return (await tx.select({ id: outbox.id }).from(outbox).where(sql`${outbox.toAddress} like 'crash-%'`)).map((r) => r.id);
    });
    const status = async () => {
      const rows = await handle.db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, ids));
      return { sent: rows.filter((r) => r.status === 'sent').length, sending: rows.filter((r) => r.status === 'sending').length };
    };

    // From the 8th message on, the server takes the data and never answers: the worker is mid-send.
    let stalling = true;
    const smtp = await startSmtp((n) => (stalling && n >= 8 ? 'hold' : null));
    const first = startWorker(databaseUrl.toString(), smtp.url);
    await smtp.until(() => smtp.arrivals() >= 8);
    await eventually(async () => (await status()).sent === smtp.received.length, 'the accepted messages to be recorded');
    const before = await status();
    expect(before.sent).toBe(7);
    expect(before.sending).toBe(23);
    first.kill('SIGKILL');
    await exited(first);
    // The dead worker's rows stay claimed until its lease runs out; move the lease's end to now
    // instead of waiting a minute for it.
    await handle.db.update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending')));

    stalling = false;
    const second = startWorker(databaseUrl.toString(), smtp.url);
    try {
      await smtp.until(() => new Set(smtp.received.map((r) => r.messageId)).size === 30);
      await eventually(async () => (await status()).sent === 30, 'every message to be recorded as sent');
    } finally {
      second.kill('SIGTERM');
      await exited(second);
      await smtp.close();
    }
    const messageIds = smtp.received.map((r) => r.messageId);
    expect(messageIds).toHaveLength(30);
    expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<${id}@corridor.test>`)));
    const rows = await handle.db.select().from(outbox).where(inArray(outbox.id, ids));
    // The messages the first worker had claimed were claimed again once its lease expired.
    expect(rows.filter((r) => r.attempts === 2)).toHaveLength(23);
  }, 90_000);
});
