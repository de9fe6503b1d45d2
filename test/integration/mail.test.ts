import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { DatabaseHandle } from '../../src/storage/db';
import { rowsOf } from '../../src/storage/db';
import { outbox } from '../../src/storage/schema';
import { deliverDueMail, LEASE_SECONDS, startOutboxWorker } from '../../src/jobs/outbox-worker';
import { fileTransport, smtpTransport } from '../../src/jobs/mail-transport';
import type { MailTransport, OutgoingMail } from '../../src/jobs/mail-transport';
import { enqueueMail } from '../../src/services/mail/enqueue';
import { createTestDatabase } from '../support/database';

let handle: DatabaseHandle;
const FROM = 'Corridor <no-reply@corridor.test>';

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

interface Received {
  messageId: string;
  to: string;
  raw: string;
}

/**
 * A real SMTP server on loopback. `answer` decides each message's fate by its arrival number:
 * accept (null), refuse with an SMTP code, or 'hold' (never answer, as a server would while the
 * sender dies mid-send). Only accepted messages count as received.
 */
async function startSmtp(answer: (n: number) => number | 'hold' | null = () => null, port = 0) {
  const received: Received[] = [];
  let arrivals = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const n = ++arrivals;
        const verdict = answer(n);
        for (const w of waiters.splice(0)) w();
        if (verdict === 'hold') return;
        if (verdict !== null) return callback(Object.assign(new Error(verdict >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: verdict }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ messageId: /^Message-ID: (.+)$/im.exec(raw)![1]!.trim(), to: /^To: (.+)$/im.exec(raw)![1]!.trim(), raw });
        callback();
        for (const w of waiters.splice(0)) w();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as net.AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    arrivals: () => arrivals,
    /** Resolves once `condition` holds, re-checked on every arrival (no polling, no sleeps). */
    until(condition: () => boolean) {
      return new Promise<void>((resolve) => {
        const check = () => (condition() ? resolve() : waiters.push(check));
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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

describe.runIf(templateUrl)('a worker process killed mid-send', () => {
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
