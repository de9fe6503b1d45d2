import { and, desc, eq, isNull } from 'drizzle-orm';
import { notFound, validation } from '../../domain/errors';
import type { Executor } from '../../storage/db';
import { apiTokens } from '../../storage/schema';
import type { Actor } from '../actor';
import { authorize, baseRelations, requireUser } from '../access';
import { hashToken, newToken } from './secrets';
import { credentialCache } from './sessions';

export async function createApiToken(db: Executor, actor: Actor, name: string) {
  authorize(actor, 'token.manage', baseRelations(actor));
  const user = requireUser(actor);
  if (!name.trim() || name.length > 100) throw validation('name', 'is required (at most 100 characters)');
  const token = newToken('ct');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: user.userId, name: name.trim(), tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
  return { ...row!, token };
}

export async function listApiTokens(db: Executor, actor: Actor) {
  authorize(actor, 'token.manage', baseRelations(actor));
  const user = requireUser(actor);
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, user.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Executor, actor: Actor, id: string, now = new Date()): Promise<void> {
  authorize(actor, 'token.manage', baseRelations(actor));
  const user = requireUser(actor);
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, user.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw notFound('API token');
  // Only the hash of a token is known here, and not which: forget every cached credential.
  credentialCache.clear();
}
