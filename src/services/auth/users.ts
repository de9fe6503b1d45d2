import { eq, sql } from 'drizzle-orm';
import { AppError, validation } from '../../domain/errors';
import { isEmail } from '../../domain/profile-rules';
import type { Executor } from '../../storage/db';
import { isUniqueViolation } from '../../storage/errors';
import { users } from '../../storage/schema';
import { hashPassword } from './secrets';

export type UserRow = typeof users.$inferSelect;

export const MIN_PASSWORD_LENGTH = 10;

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw validation('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > 200) throw validation('password', 'must be at most 200 characters');
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return user;
}

export interface NewUser {
  email: string;
  name: string;
  role: 'organiser' | 'delegate';
  password?: string | null;
  language?: string;
}

export async function createUser(db: Executor, input: NewUser): Promise<UserRow> {
  const email = input.email.trim();
  if (!isEmail(email)) throw validation('email', `"${email}" is not an e-mail address`);
  if (!input.name.trim()) throw validation('name', 'is required');
  if (input.password) checkPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        language: input.language ?? 'en',
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning();
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `a user with e-mail ${email} already exists`, 'email');
    throw error;
  }
}

export async function setPassword(db: Executor, userId: string, password: string): Promise<void> {
  checkPassword(password);
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}
