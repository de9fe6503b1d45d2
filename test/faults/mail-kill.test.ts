import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { outbox } from '../../src/storage/schema';
import { enqueueMail } from '../../src/services/mail/enqueue';
import { startSmtp } from '../support/smtp';
import { createStorage, eventually, serveArgs, startCorridor, withDatabase } from './processes';
import type { Storage } from './processes';

const MESSAGES = 30;
const FROM = 'Corridor <no-reply@corridor.test>';
let storage: Storage;

beforeAll(async () => {
  storage = await createStorage();
});
afterAll(async () => {
  await storage.remove();
});

// On a PostgreSQL server the separate worker process sends; on PGlite the server itself does.
const sender = () => (storage.kind === 'postgres' ? ['worker', '--poll-ms', '100', '--no-reminders'] : serveArgs);

describe('the process sending e-mail killed with SIGKILL mid-batch', () => {
  it('is restarted and every message is delivered exactly once', async () => {
    const ids = await withDatabase(storage, (db) =>
      db.transaction(async (tx) => {
        for (let i = 0; i < MESSAGES; i++) await enqueueMail(tx, `crash-${i}@mail.test`, 'test', { subject: `Crash ${i}`, text: `Message ${i}` });
        return (await tx.select({ id: outbox.id }).from(outbox)).map((r) => r.id);
      }),
    );
    expect(ids).toHaveLength(MESSAGES);

    // From the 8th message on, the SMTP server takes the data and never answers: each of the
    // sender's four lanes ends up waiting on one such message, so the 7 accepted before are recorded.
    let stalling = true;
    const smtp = await startSmtp((n) => (stalling && n >= 8 ? 'hold' : null));
    const env = { SMTP_URL: smtp.url, MAIL_FROM: FROM };
    try {
      const first = await startCorridor(storage, sender(), env);
      await smtp.until(() => smtp.arrivals() >= 11);
      await first.kill9();
      expect(smtp.received).toHaveLength(7);

      // The dead sender's rows stay claimed until their lease runs out; move its end to now
      // instead of waiting two minutes.
      const before = await withDatabase(storage, async (db) => {
        const rows = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, ids));
        await db.update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending')));
        return { sent: rows.filter((r) => r.status === 'sent').length, sending: rows.filter((r) => r.status === 'sending').length };
      });
      expect(before.sent).toBe(7);

      stalling = false;
      const second = await startCorridor(storage, sender(), env);
      await smtp.until(() => new Set(smtp.received.map((r) => r.messageId)).size === MESSAGES);
      // Recorded as sent, or the next start would send again.
      if (storage.kind === 'postgres') {
        await eventually(() => withDatabase(storage, async (db) => (await db.select().from(outbox).where(eq(outbox.status, 'sent'))).length === MESSAGES), 'every message to be recorded as sent');
      }
      await second.stop();
    } finally {
      await smtp.close();
    }
    const messageIds = smtp.received.map((r) => r.messageId);
    expect(messageIds).toHaveLength(MESSAGES);
    expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<${id}@corridor.test>`)));
    const rows = await withDatabase(storage, (db) => db.select().from(outbox).where(inArray(outbox.id, ids)));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(MESSAGES);
    // The messages the first sender had claimed but not finished were claimed again after the kill.
    expect(rows.filter((r) => r.attempts === 2)).toHaveLength(MESSAGES - 7);
  });
});
