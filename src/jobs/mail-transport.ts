import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
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

function message(mail: OutgoingMail, domain: string) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    // The outbox id makes the Message-ID stable, so a retry after a crash is recognisably the same message.
    messageId: `<${mail.id}@${domain}>`,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

/** Writes each message as `<outbox id>.eml`; writing the same message twice leaves one file. */
export function fileTransport(directory: string, domain = 'corridor.example'): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      await fs.mkdir(directory, { recursive: true });
      const info = await transporter.sendMail(message(mail, domain));
      const target = path.join(directory, `${mail.id}.eml`);
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, info.message as Buffer);
      await fs.rename(temporary, target);
    },
    close: () => transporter.close(),
  };
}

export function smtpTransport(url: string, domain = 'corridor.example'): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail(message(mail, domain));
    },
    close: () => transporter.close(),
  };
}
