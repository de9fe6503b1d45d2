import { eq } from 'drizzle-orm';
import { notFound, validation } from '../../domain/errors';
import type { UiLanguage } from '../../domain/organisation';
import { isUiLanguage } from '../../domain/profile-rules';
import type { Database, Executor } from '../../storage/db';
import { delegates, users } from '../../storage/schema';
import type { Actor } from '../actor';
import { forgetEventAccess, requireUser } from '../access';
import { myDelegates } from '../delegates';

/**
 * The signed-in person as the web app needs them: their account (read fresh, not from the token
 * cache, so a language chosen a moment ago on another device is the one shown) and delegate records.
 */
export async function getMe(db: Executor, actor: Actor) {
  const user = requireUser(actor);
  const [row] = await db.select({ name: users.name, language: users.language }).from(users).where(eq(users.id, user.userId));
  // The command line acts as no stored user; it has no saved language.
  const language: UiLanguage = row && isUiLanguage(row.language) ? row.language : 'en';
  return { id: user.userId, email: user.email, name: row?.name ?? user.name, role: user.role, via: user.via, language, delegates: await myDelegates(db, user) };
}

export interface AccountUpdate {
  language?: UiLanguage;
  name?: string;
}

/**
 * The person's own settings. The language lives on the account and is copied onto their delegate
 * records, because e-mails about meetings and schedules are written in the delegate's language.
 */
export async function updateMe(db: Database, actor: Actor, input: AccountUpdate) {
  const user = requireUser(actor);
  if (input.language !== undefined && !isUiLanguage(input.language)) throw validation('language', 'must be en, ur or zh');
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw validation('name', 'is required');
  if (name && name.length > 200) throw validation('name', 'is longer than 200 characters');
  const changedEvents = await db.transaction(async (tx) => {
    const changes = { ...(input.language ? { language: input.language } : {}), ...(name ? { name } : {}) };
    if (Object.keys(changes).length === 0) return [];
    const [updated] = await tx.update(users).set(changes).where(eq(users.id, user.userId)).returning({ id: users.id });
    if (!updated) throw notFound('Account');
    if (!input.language) return [];
    const records = await tx.update(delegates).set({ language: input.language, updatedAt: new Date() }).where(eq(delegates.userId, user.userId)).returning({ eventId: delegates.eventId });
    return records.map((r) => r.eventId);
  });
  // Cached relations hold the delegate record, language included.
  for (const eventId of new Set(changedEvents)) forgetEventAccess(eventId);
  return getMe(db, actor);
}
