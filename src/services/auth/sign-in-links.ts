import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../domain/errors';
import { render, signInLinkMail } from '../../domain/mail/templates';
import type { Database } from '../../storage/db';
import { signInLinks, users } from '../../storage/schema';
import { enqueueMail } from '../mail/enqueue';
import { hashToken, newToken } from './secrets';
import { startSession } from './sessions';
import type { StartedSession } from './sessions';
import { findUserByEmail } from './users';

export const SIGN_IN_LINK_MINUTES = 15;

/**
 * E-mails a one-time sign-in link. Answers the same whether or not the address is known,
 * so the form cannot be used to find out who is registered.
 */
export async function requestSignInLink(db: Database, email: string, publicUrl: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    const token = newToken('sl');
    await tx.insert(signInLinks).values({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
    });
    const link = `${publicUrl}/sign-in/link?token=${encodeURIComponent(token)}`;
    await enqueueMail(tx, user.email, 'sign-in-link', render(signInLinkMail, user.language, { name: user.name, link, minutes: SIGN_IN_LINK_MINUTES }));
  });
}

/** Exchanges a sign-in link for a session; a link works once and only before it expires. */
export async function consumeSignInLink(db: Database, token: string, now = new Date()): Promise<StartedSession> {
  return db.transaction(async (tx) => {
    const used = await tx
      .update(signInLinks)
      .set({ usedAt: now })
      .where(and(eq(signInLinks.tokenHash, hashToken(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)))
      .returning({ userId: signInLinks.userId });
    const userId = used[0]?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED', 'This sign-in link is invalid, already used or expired; ask for a new one');
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    return startSession(tx, user!, now);
  });
}
