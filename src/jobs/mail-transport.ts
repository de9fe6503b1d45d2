import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** The outbox row's id: the same message keeps the same Message-ID on every attempt. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Connection, greeting and idle limits of an SMTP conversation; a send never outlives the worker's lease. */
export const SMTP_TIMEOUT_MS = 20_000;

export function messageId(mail: Pick<OutgoingMail, 'id' | 'from'>): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mail.from)?.[1] ?? 'corridor.example';
  return `<${mail.id}@${domain}>`;
}

function message(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    // Stable across retries: a receiver that saw the message before a crash recognises the repeat.
    messageId: messageId(mail),
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes each message as `<outbox id>.eml`, atomically (temporary file, then rename). A message
 * whose file exists was delivered before a crash, so it is not written again.
 */
export function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let ready: Promise<unknown> | null = null;
  return {
    async send(mail) {
      ready ??= fs.mkdir(directory, { recursive: true });
      await ready;
      const target = path.join(directory, `${mail.id}.eml`);
      if (await exists(target)) return;
      const info = await transporter.sendMail(message(mail));
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, info.message as Buffer);
      await fs.rename(temporary, target);
    },
    close: () => transporter.close(),
  };
}

/** SMTP through a small connection pool; SMTP_URL as `smtp://user:pass@host:587` (or `smtps://…:465`). */
export function smtpTransport(url: string, options: { maxConnections?: number } = {}): MailTransport {
  const transporter: Transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      await transporter.sendMail(message(mail));
    },
    close: () => transporter.close(),
  };
}

/**
 * True when trying again cannot help: the server refused the message or an address for good
 * (SMTP 5xx, RFC 5321 §4.2.1), or the message itself cannot be built.
 */
export function isPermanentFailure(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown };
  if (typeof e?.responseCode === 'number') return e.responseCode >= 500 && e.responseCode < 600;
  return e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE';
}
