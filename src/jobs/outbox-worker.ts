import { eq, sql } from 'drizzle-orm';
import type { Database } from '../storage/db';
import { rowsOf } from '../storage/db';
import { outbox } from '../storage/schema';
import type { MailTransport } from './mail-transport';

export const MAX_ATTEMPTS = 8;
/** A message claimed by a worker that died is picked up again after this long. */
export const CLAIM_SECONDS = 60;

export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** (attempt - 1), 3600);
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  attachments: { filename: string; contentType: string; content: string }[];
  attempts: number;
}

/**
 * Claims due messages (skipping rows another worker holds), sends them and records the outcome.
 * Returns how many were sent.
 */
export async function deliverDueMail(db: Database, transport: MailTransport, from: string, batch = 20): Promise<number> {
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      update outbox set status = 'sending', attempts = attempts + 1, locked_until = now() + make_interval(secs => ${CLAIM_SECONDS})
      where id in (
        select id from outbox
        where (status = 'queued' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
        order by created_at
        limit ${batch}
        for update skip locked)
      returning id, to_address, subject, text_body, attachments, attempts`),
  );
  let sent = 0;
  for (const mail of claimed) {
    try {
      await transport.send({ id: mail.id, from, to: mail.to_address, subject: mail.subject, text: mail.text_body, attachments: mail.attachments });
      await db.update(outbox).set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null }).where(eq(outbox.id, mail.id));
      sent++;
    } catch (error) {
      const failed = mail.attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          status: failed ? 'failed' : 'queued',
          lockedUntil: null,
          lastError: String((error as Error).message ?? error).slice(0, 500),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(mail.attempts) * 1000),
        })
        .where(eq(outbox.id, mail.id));
    }
  }
  return sent;
}

/** Polls the outbox until stopped. */
export function startOutboxWorker(db: Database, transport: MailTransport, from: string, intervalMs = 1000) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      try {
        while (!stopped && (await deliverDueMail(db, transport, from)) > 0) {
          // keep draining while there is work
        }
      } catch {
        // The database may be briefly unreachable; the next tick tries again.
      }
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
