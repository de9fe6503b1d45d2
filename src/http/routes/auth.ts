import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth/api-tokens';
import { endSession, resolveToken, signInWithPassword } from '../../services/auth/sessions';
import type { StartedSession } from '../../services/auth/sessions';
import { consumeSignInLink, requestSignInLink } from '../../services/auth/sign-in-links';
import { getMe, updateMe } from '../../services/auth/me';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../authentication';
import type { HttpContext } from '../context';
import { idParams, language, shortText } from '../schemas';

// Sign-in attempts per address and minute; a guesser gets 10 tries, a person never notices.
const SIGN_IN_RATE = { max: 10, timeWindow: '1 minute' };

function sessionBody(session: StartedSession) {
  const { user } = session;
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, language: user.language },
  };
}

export function authRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/sign-in',
    {
      schema: { tags: ['auth'], summary: 'Sign in with e-mail and password; sets the session cookie and returns a bearer token', body: z.object({ email: z.string().max(254), password: z.string().max(200) }) },
      config: { rateLimit: SIGN_IN_RATE },
    },
    async (request, reply) => {
      const session = await signInWithPassword(db, request.body.email, request.body.password);
      setSessionCookie(request, reply, session);
      return sessionBody(session);
    },
  );

  r.post(
    '/api/auth/sign-in-link',
    {
      schema: { tags: ['auth'], summary: 'E-mail a one-time sign-in link (answers the same for unknown addresses)', body: z.object({ email: z.string().max(254) }) },
      config: { rateLimit: SIGN_IN_RATE },
    },
    async (request, reply) => {
      await requestSignInLink(db, request.body.email, config.publicUrl);
      return reply.status(202).send({ status: 'sent' });
    },
  );

  r.post(
    '/api/auth/sign-in-link/verify',
    {
      schema: { tags: ['auth'], summary: 'Exchange a sign-in link token for a session', body: z.object({ token: z.string().max(200) }) },
      config: { rateLimit: SIGN_IN_RATE },
    },
    async (request, reply) => {
      const session = await consumeSignInLink(db, request.body.token);
      setSessionCookie(request, reply, session);
      return sessionBody(session);
    },
  );

  r.post('/api/auth/sign-out', { schema: { tags: ['auth'], summary: 'End the current session' } }, async (request, reply) => {
    const bearer = /^Bearer\s+(cs_\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? request.cookies?.[SESSION_COOKIE];
    if (token) await endSession(db, token);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  r.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their saved language and delegate records; for a cookie session also its CSRF token' } },
    async (request) => {
      const me = await getMe(db, request.actor);
      // A reloaded tab has lost the CSRF token it kept; the cookie's owner may read it again here,
      // and a foreign page cannot, because it cannot read this same-origin answer.
      const cookie = me.via === 'session' && !request.headers.authorization ? request.cookies?.[SESSION_COOKIE] : undefined;
      const csrfToken = cookie ? ((await resolveToken(db, cookie))?.csrfToken ?? undefined) : undefined;
      return { ...me, ...(csrfToken ? { csrfToken } : {}) };
    },
  );
  r.patch(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your language (remembered on every device; e-mails follow it) or your name',
        body: z.object({ language: language.optional(), name: shortText.optional() }),
      },
    },
    async (request) => updateMe(db, request.actor, request.body),
  );

  r.post(
    '/api/tokens',
    { schema: { tags: ['auth'], summary: 'Create an API token (organisers); the token is shown once', body: z.object({ name: z.string().max(100) }) } },
    async (request, reply) => reply.status(201).send(await createApiToken(db, request.actor, request.body.name)),
  );
  r.get('/api/tokens', { schema: { tags: ['auth'], summary: 'List your API tokens' } }, async (request) => listApiTokens(db, request.actor));
  r.delete('/api/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke an API token', params: idParams } }, async (request, reply) => {
    await revokeApiToken(db, request.actor, request.params.id);
    return reply.status(204).send();
  });
}
