import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors';
import type { Database } from '../storage/db';
import type { Actor } from '../services/actor';
import { ANONYMOUS } from '../services/actor';
import { resolveToken } from '../services/auth/sessions';
import type { StartedSession } from '../services/auth/sessions';

export const SESSION_COOKIE = 'corridor_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is asking from a bearer token (API clients) or the session cookie (the web app).
 * Cookie-authenticated writes must carry the session's CSRF token, which a foreign page cannot read.
 */
export async function authenticate(db: Database, request: FastifyRequest): Promise<void> {
  request.actor = ANONYMOUS;
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const resolved = match ? await resolveToken(db, match[1]!) : null;
    if (!resolved) throw new AppError('UNAUTHENTICATED', 'the bearer token is invalid, expired or revoked');
    request.actor = resolved.actor;
    return;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return;
  const resolved = await resolveToken(db, cookie);
  if (!resolved) return; // an expired cookie is the same as none
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== resolved.csrfToken) {
    throw new AppError('FORBIDDEN', `missing or wrong ${CSRF_HEADER} header`);
  }
  request.actor = resolved.actor;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: StartedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
