import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/storage/db';
import { outbox } from '../../src/storage/schema';
import { deliverDueMail, LEASE_SECONDS, startOutboxWorker } from '../../src/jobs/outbox-worker';
import { fileTransport, smtpTransport } from '../../src/jobs/mail-transport';
import type { MailTransport, OutgoingMail } from '../../src/jobs/mail-transport';
import { enqueueMail } from '../../src/services/mail/enqueue';
import { createTestDatabase } from '../support/database';
import { startSmtp } from '../support/smtp';

let handle: DatabaseHandle;
const FROM = 'Corridor <no-reply@corridor.test>';

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function queueMails(count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueMail(tx, `${tag}-${i}@mail.test`, 'test', { subject: `${tag} ${i}`, text: `Message ${i} of ${tag}` }, [
        { filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8', content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' },
      ]);
    }
  });
  const rows = await handle.db.select({ id: outbox.id, to: outbox.toAddress }).from(outbox);
  for (const r of rows) if (r.to.startsWith(`${tag}-`)) ids.push(r.id);
  return ids;
}

const outboxRows = (ids: string[]) => handle.db.select().from(outbox).where(inArray(outbox.id, ids));
/** A clock `seconds` ahead of the real one, for backoff and lease expiry without waiting. */
const later = (seconds: number) => () => new Date(Date.now() + seconds * 1000);

describe('the outbox worker over SMTP', () => {
  it('delivers each message once, with a Message-ID made from its outbox id and its calendar attached', async () => {
    const smtp = await startSmtp();
    const ids = await queueMails(5, 'plain');
    const transport = smtpTransport(smtp.url);
    const report = await deliverDueMail(handle.db, transport, FROM);
    transport.close();
    await smtp.close();
    expect(report).toMatchObject({ sent: 5, retried: 0, failed: 0 });
    expect(smtp.received.map((r) => r.messageId).sort()).toEqual(ids.map((id) => `<${id}@corridor.test>`).sort());
    expect(smtp.received[0]!.raw).toMatch(/Content-Type: text\/calendar/);
    expect((await outboxRows(ids)).every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt)).toBe(true);
  });

  it('retries with backoff while the server refuses for now, and delivers once it recovers', async () => {
    let refusing = true;
    const smtp = await startSmtp(() => (refusing ? 451 : null));
    const [id] = await queueMails(1, 'flaky');
    const transport = smtpTransport(smtp.url);
    const first = await deliverDueMail(handle.db, transport, FROM);
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const [waiting] = await outboxRows([id!]);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting!.lastError).toMatch(/451/);
    // Backoff: not tried again 10 seconds later, tried again after 30.
    expect((await deliverDueMail(handle.db, transport, FROM, { clock: later(10) })).claimed).toBe(0);
    refusing = false;
    expect(await deliverDueMail(handle.db, transport, FROM, { clock: later(31) })).toMatchObject({ sent: 1 });
    transport.close();
    await smtp.close();
    expect(smtp.received).toHaveLength(1);
    expect((await outboxRows([id!]))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('keeps mail while the server is down and sends it when the server comes back', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const [id] = await queueMails(1, 'down');
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await deliverDueMail(handle.db, transport, FROM)).toMatchObject({ retried: 1 });
    const smtp = await startSmtp(() => null, port);
    expect(await deliverDueMail(handle.db, transport, FROM, { clock: later(31) })).toMatchObject({ sent: 1 });
    transport.close();
    await smtp.close();
    expect(smtp.received.map((r) => r.messageId)).toEqual([`<${id}@corridor.test>`]);
  });

  it('gives up at once when the server refuses for good (5xx), keeping the reason', async () => {
    const smtp = await startSmtp(() => 550);
    const [id] = await queueMails(1, 'refused');
    const transport = smtpTransport(smtp.url);
    expect(await deliverDueMail(handle.db, transport, FROM)).toMatchObject({ failed: 1 });
    expect(await deliverDueMail(handle.db, transport, FROM, { clock: later(3600 * 24) })).toMatchObject({ claimed: 0 });
    transport.close();
    await smtp.close();
    expect((await outboxRows([id!]))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

/** A transport whose sends wait until released, to stop a worker in the middle of one. */
function stallingTransport(inner: MailTransport, stallOn: (n: number) => boolean) {
  let n = 0;
  const stalled: { mail: OutgoingMail; release: () => void }[] = [];
  const waiters: (() => void)[] = [];
  return {
    stalled,
    whenStalled: () => new Promise<void>((resolve) => (stalled.length > 0 ? resolve() : waiters.push(resolve))),
    transport: {
      async send(mail: OutgoingMail) {
        if (stallOn(++n)) {
          await new Promise<void>((release) => {
            stalled.push({ mail, release });
            for (const w of waiters.splice(0)) w();
          });
        }
        await inner.send(mail);
      },
      close: () => inner.close(),
    } satisfies MailTransport,
  };
}

describe('exactly once across a crash (the lease protocol, in one process)', () => {
  it('takes over the rows of a worker that stopped mid-send, and the stalled worker cannot send or record them again', async () => {
    const smtp = await startSmtp();
    const ids = await queueMails(12, 'lease');
    const smtpA = smtpTransport(smtp.url);
    // Worker A sends three messages, then hangs on the fourth with the rest of its batch claimed.
    const a = stallingTransport(smtpA, (n) => n === 4);
    let clockA = later(0);
    const runA = deliverDueMail(handle.db, a.transport, FROM, { concurrency: 1, batch: 12, clock: () => clockA() });
    await a.whenStalled();
    expect(smtp.received).toHaveLength(3);
    expect((await outboxRows(ids)).filter((r) => r.status === 'sending')).toHaveLength(9);

    // Nothing is claimable while A's lease runs; once it has expired, worker B takes the rows over.
    const smtpB = smtpTransport(smtp.url);
    expect((await deliverDueMail(handle.db, smtpB, FROM, { clock: later(LEASE_SECONDS - 10) })).claimed).toBe(0);
    expect(await deliverDueMail(handle.db, smtpB, FROM, { clock: later(LEASE_SECONDS + 1) })).toMatchObject({ claimed: 9, sent: 9 });

    // A wakes up after its lease ran out: its stalled message goes out on the wire (the crash
    // window), but its outcome cannot overwrite B's, and its other claimed rows are no longer its to send.
    clockA = later(LEASE_SECONDS + 1);
    a.stalled[0]!.release();
    const reportA = await runA;
    expect(reportA).toMatchObject({ sent: 3, lost: 9 });
    smtpA.close();
    smtpB.close();
    await smtp.close();
    const rows = await outboxRows(ids);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const byMessage = new Map<string, number>();
    for (const r of smtp.received) byMessage.set(r.messageId, (byMessage.get(r.messageId) ?? 0) + 1);
    expect(byMessage.size).toBe(12);
    // The one repeat is the stalled message, recognisable by its unchanged Message-ID.
    expect([...byMessage.entries()].filter(([, count]) => count > 1)).toEqual([[`<${a.stalled[0]!.mail.id}@corridor.test>`, 2]]);
  });

  it('a stopping worker finishes the send in flight and hands the rest of its claim back', async () => {
    const ids = await queueMails(6, 'stop');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-stop-'));
    const a = stallingTransport(fileTransport(dir), (n) => n === 2);
    const worker = startOutboxWorker(handle.db, a.transport, FROM, { concurrency: 1, batch: 6 });
    await a.whenStalled();
    const stopping = worker.stop();
    a.stalled[0]!.release();
    await stopping;
    const rows = await outboxRows(ids);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(rows.filter((r) => r.status === 'queued' && r.attempts === 0)).toHaveLength(4);
    expect(fs.readdirSync(dir)).toHaveLength(2);
    // The handed-back rows go out with the next round, each once.
    const transport = fileTransport(dir);
    expect(await deliverDueMail(handle.db, transport, FROM)).toMatchObject({ claimed: 4, sent: 4 });
    transport.close();
    expect(fs.readdirSync(dir).sort()).toEqual(ids.map((id) => `${id}.eml`).sort());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the file transport', () => {
  it('writes <outbox id>.eml once: a message delivered before a crash is not written again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-eml-'));
    const [id] = await queueMails(1, 'file');
    const transport = fileTransport(dir);
    await deliverDueMail(handle.db, transport, FROM);
    const file = path.join(dir, `${id}.eml`);
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toContain(`Message-ID: <${id}@corridor.test>`);
    // The crash came after the file was written and before the row was marked sent.
    await handle.db.update(outbox).set({ status: 'queued', sentAt: null }).where(eq(outbox.id, id!));
    await deliverDueMail(handle.db, transport, FROM);
    transport.close();
    expect(fs.readdirSync(dir)).toEqual([`${id}.eml`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * A real worker process killed with SIGKILL in the middle of sending, then started again. PGlite
 * lives inside one process, so this runs against a PostgreSQL server (DATABASE_URL); the embedded
 * run covers the same protocol in one process above.
 */
