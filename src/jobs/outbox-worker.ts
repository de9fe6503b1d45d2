import { sql } from 'drizzle-orm';
import type { Database } from '../storage/db';
import { rowsOf } from '../storage/db';
import type { MailTransport } from './mail-transport';
import { isPermanentFailure } from './mail-transport';

/**
 * Delivers the outbox. The protocol, which makes every committed message go out once:
 *
 * 1. Claim: one statement moves due rows to `sending`, adds 1 to `attempts` and sets a lease
 *    (`locked_until`). `FOR UPDATE SKIP LOCKED` lets several workers claim side by side without
 *    ever claiming the same row.
 * 2. Send. Once a third of the lease has passed, each send first renews its row's lease in one
 *    statement that succeeds only if the row is still this claim's (same `attempts`, still
 *    `sending`): a worker that stalled past its lease and lost the row to another worker finds
 *    out here and skips it. A send is bounded well inside the lease, so no other worker can
 *    claim a row while it is being sent.
 * 3. Record: `sent`, or back to `queued` with exponential backoff, or `failed` for good; these
 *    updates are fenced by `attempts` in the same way.
 *
 * A worker killed between 1 and 3 leaves its rows `sending`; when the lease expires any worker
 * claims them again. The Message-ID is derived from the row id, and the file transport skips a
 * message whose file exists, so a repeat after a crash is the same message, not a second one.
 * One gap no protocol can close: a crash after the SMTP server accepted a message and before
 * step 3 committed sends it again (same Message-ID, which receiving mailboxes use to drop it).
 * Step 3 runs straight after the server's answer, so the window is one database round trip.
 */

export const MAX_ATTEMPTS = 8;
export const LEASE_SECONDS = 120;

/** 30 s, 1 min, 2 min, … up to 1 hour between attempts. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** (attempt - 1), 3600);
}

export interface DeliveryOptions {
  /** Rows claimed per round. */
  batch?: number;
  /** Messages in flight at once. */
  concurrency?: number;
  leaseSeconds?: number;
  /** Longest a single send may take; at most half the lease. */
  sendTimeoutMs?: number;
  /** The clock for claims, leases and backoff; the database's clock when absent. */
  clock?: () => Date;
  /** Stops starting new sends; claimed but unsent rows are handed back at once. */
  signal?: AbortSignal;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  handedBack: number;
  /** Rows another worker took over after this one's lease ran out (whatever this one did is not recorded). */
  lost: number;
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  attachments: { filename: string; contentType: string; content: string }[];
  attempts: number;
}

/** SQL for the current time: the injected clock's reading, or the database's. */
const timeIn = (clock: (() => Date) | undefined) => (clock ? sql`${clock().toISOString()}::timestamptz` : sql`now()`);

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the send took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Claims due messages, sends them and records each outcome. */
export async function deliverDueMail(db: Database, transport: MailTransport, from: string, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const leaseSeconds = options.leaseSeconds ?? LEASE_SECONDS;
  const sendTimeoutMs = Math.min(options.sendTimeoutMs ?? 60_000, (leaseSeconds * 1000) / 2);
  const { clock } = options;
  const leaseMs = leaseSeconds * 1000;
  const started = clock ? clock().getTime() : performance.now();
  const elapsedMs = () => (clock ? clock().getTime() : performance.now()) - started;
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      update outbox set status = 'sending', attempts = attempts + 1, locked_until = ${timeIn(clock)} + make_interval(secs => ${leaseSeconds})
      where id in (
        select id from outbox
        where (status = 'queued' and next_attempt_at <= ${timeIn(clock)}) or (status = 'sending' and locked_until < ${timeIn(clock)})
        order by next_attempt_at, created_at
        limit ${options.batch ?? 50}
        for update skip locked)
      returning id, to_address, subject, text_body, attachments, attempts`),
  );
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, handedBack: 0, lost: 0 };
  const fenced = (mail: Claimed) => sql`id = ${mail.id}::uuid and attempts = ${mail.attempts} and status = 'sending'`;

  const deliver = async (mail: Claimed) => {
    if (options.signal?.aborted) {
      // Handing back is not an attempt: undo the claim's count.
      await db.execute(sql`update outbox set status = 'queued', attempts = attempts - 1, locked_until = null where ${fenced(mail)}`);
      report.handedBack++;
      return;
    }
    if (elapsedMs() > leaseMs / 3) {
      const renewed = rowsOf(await db.execute(sql`update outbox set locked_until = ${timeIn(clock)} + make_interval(secs => ${leaseSeconds}) where ${fenced(mail)} returning id`));
      if (renewed.length === 0) {
        report.lost++;
        return;
      }
    }
    try {
      await withTimeout(transport.send({ id: mail.id, from, to: mail.to_address, subject: mail.subject, text: mail.text_body, attachments: mail.attachments }), sendTimeoutMs);
    } catch (error) {
      const permanent = isPermanentFailure(error) || mail.attempts >= MAX_ATTEMPTS;
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      await db.execute(sql`
        update outbox set status = ${permanent ? 'failed' : 'queued'}, locked_until = null, last_error = ${message},
          next_attempt_at = ${timeIn(clock)} + make_interval(secs => ${backoffSeconds(mail.attempts)})
        where ${fenced(mail)}`);
      if (permanent) report.failed++;
      else report.retried++;
      return;
    }
    const recorded = rowsOf(await db.execute(sql`update outbox set status = 'sent', sent_at = ${timeIn(clock)}, locked_until = null, last_error = null where ${fenced(mail)} returning id`));
    if (recorded.length > 0) report.sent++;
    else report.lost++;
  };

  let next = 0;
  const lanes = Array.from({ length: Math.min(options.concurrency ?? 4, claimed.length) }, async () => {
    while (next < claimed.length) await deliver(claimed[next++]!);
  });
  await Promise.all(lanes);
  return report;
}

export interface WorkerOptions extends Omit<DeliveryOptions, 'clock' | 'signal'> {
  /** Pause between polls when the outbox is empty. */
  intervalMs?: number;
  /** Called when a round fails (e.g. the database is unreachable); the next poll tries again. */
  onError?: (error: unknown) => void;
}

/** Polls the outbox until stopped; drains it without pausing while there is work. */
export function startOutboxWorker(db: Database, transport: MailTransport, from: string, options: WorkerOptions = {}) {
  const shutdown = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (shutdown.signal.aborted) return;
    running = (async () => {
      try {
        while (!shutdown.signal.aborted) {
          const report = await deliverDueMail(db, transport, from, { ...options, signal: shutdown.signal });
          if (report.claimed === 0) break;
        }
      } catch (error) {
        options.onError?.(error);
      }
    })().finally(() => {
      if (!shutdown.signal.aborted) timer = setTimeout(tick, options.intervalMs ?? 1000);
    });
  };
  tick();
  return {
    /** Finishes the sends in flight, hands back the rest of the claimed rows, and closes the transport. */
    async stop() {
      shutdown.abort();
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}

export interface OutboxSummary {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  /** Age in seconds of the oldest message still waiting; 0 when none. */
  oldestWaitingSeconds: number;
}

export async function outboxSummary(db: Database): Promise<OutboxSummary> {
  const [row] = rowsOf<Record<keyof OutboxSummary, number>>(
    await db.execute(sql`
      select count(*) filter (where status = 'queued')::int as queued,
             count(*) filter (where status = 'sending')::int as sending,
             count(*) filter (where status = 'sent')::int as sent,
             count(*) filter (where status = 'failed')::int as failed,
             coalesce(extract(epoch from now() - min(created_at) filter (where status in ('queued', 'sending'))), 0)::int as "oldestWaitingSeconds"
      from outbox`),
  );
  return { queued: Number(row?.queued ?? 0), sending: Number(row?.sending ?? 0), sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0), oldestWaitingSeconds: Number(row?.oldestWaitingSeconds ?? 0) };
}
