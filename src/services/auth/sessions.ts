import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../domain/errors';
import type { Database, Executor } from '../../storage/db';
import { apiTokens, sessions, users } from '../../storage/schema';
import type { Actor } from '../actor';
import { ReadCache } from '../read-cache';
import { hashToken, newToken, verifyPassword } from './secrets';
import { findUserByEmail } from './users';
import type { UserRow } from './users';

export const SESSION_DAYS = 14;

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

export async function startSession(db: Executor, user: UserRow, now = new Date()): Promise<StartedSession> {
  const token = newToken('cs');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, user };
}

// Compared against when the e-mail is unknown, so both paths take the time of one scrypt.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function signInWithPassword(db: Database, email: string, password: string): Promise<StartedSession> {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok) throw new AppError('UNAUTHENTICATED', 'E-mail or password is wrong');
  return startSession(db, user);
}

export async function endSession(db: Executor, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  credentialCache.delete(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export interface ResolvedCredential {
  actor: Actor;
  /** Present for browser sessions: writes with the session cookie must echo it. */
  csrfToken: string | null;
}

function toActor(user: UserRow, via: 'session' | 'api-token'): Actor {
  return { kind: 'user', userId: user.id, role: user.role, email: user.email, name: user.name, via };
}

/** Who a token belongs to, for a few seconds; sign-out and revocation on this server drop it at once. */
export const credentialCache = new ReadCache<ResolvedCredential>(5_000);

/** Looks up a session token or an API token; returns null for unknown, expired or revoked ones. */
export async function resolveToken(db: Executor, token: string, now = new Date()): Promise<ResolvedCredential | null> {
  const tokenHash = hashToken(token);
  const cached = credentialCache.get(tokenHash);
  if (cached) return cached;
  const resolved = await lookUpToken(db, token, tokenHash, now);
  if (resolved) credentialCache.set(tokenHash, resolved);
  return resolved;
}

async function lookUpToken(db: Executor, token: string, tokenHash: string, now: Date): Promise<ResolvedCredential | null> {
  if (token.startsWith('cs_')) {
    const [row] = await db
      .select({ user: users, csrfToken: sessions.csrfToken })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    return row ? { actor: toActor(row.user, 'session'), csrfToken: row.csrfToken } : null;
  }
  if (token.startsWith('ct_')) {
    const [row] = await db
      .select({ user: users, id: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
    if (!row) return null;
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
    return { actor: toActor(row.user, 'api-token'), csrfToken: null };
  }
  return null;
}
