import type { MailContent } from '../../domain/mail/templates';
import type { Executor } from '../../storage/db';
import { outbox } from '../../storage/schema';

export interface Attachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (calendar files, CSV). */
  content: string;
}

/**
 * Queues an e-mail inside the caller's transaction: it is sent if and only if the change that
 * caused it commits. The outbox worker delivers it.
 */
export async function enqueueMail(
  db: Executor,
  to: string,
  kind: string,
  content: MailContent,
  attachments: Attachment[] = [],
): Promise<void> {
  await db.insert(outbox).values({ toAddress: to, kind, subject: content.subject, textBody: content.text, attachments });
}
