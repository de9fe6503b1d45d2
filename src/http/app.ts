import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors';
import { authenticate } from './authentication';
import type { HttpContext } from './context';
import { handleError } from './errors';
import { authRoutes } from './routes/auth';
import { delegateRoutes } from './routes/delegates';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { importExportRoutes, MAX_UPLOAD_BYTES } from './routes/import-export';
import { meetingRequestRoutes } from './routes/meeting-requests';
import { organisationRoutes } from './routes/organisations';
import { matchingRoutes } from './routes/matching';
import { policyRoutes } from './routes/policy';
import { referenceRoutes } from './routes/reference';
import { scheduleRoutes } from './routes/schedules';
import { trainingRoutes } from './routes/training';
import { calendarRoutes } from './routes/calendar';
import { demandRoutes } from './routes/demand';
import { outcomeRoutes } from './routes/outcomes';
import { webAppRoutes } from './web-app';

export interface AppOptions extends HttpContext {
  logger?: boolean | object;
  /** Extra route modules (matching, scheduling, …) registered with the same context. */
  routes?: ((app: FastifyInstance, context: HttpContext) => void)[];
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The web app loads only its own built files (no inline scripts or <style> elements) and calls only its own API. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
// Swagger UI styles some of its widgets with <style> elements.
const API_DOCS_CSP = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** Builds the HTTP API. The server keeps no state between requests: everything lives in the database. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
    // Malformed or overlong addresses are rejected by the router before any route runs.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(error.statusCode ?? 400).send({ error: { code: 'VALIDATION', message: 'the address is malformed or too long' } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  // Counted after authentication: a signed-in person has their own allowance (many delegates share
  // a venue's address); anonymous attempts (sign-in guesses) are counted per address.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    keyGenerator: (request) => (request.actor?.kind === 'user' ? `user:${request.actor.userId}` : `ip:${request.ip}`),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Corridor API', version: '0.1.0', description: 'B2B matchmaking and meeting scheduling. Authenticate with `Authorization: Bearer <token>` (from sign-in or an API token) or the session cookie plus the `x-csrf-token` header.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // Browsers ignore HSTS on plain HTTP, and sending it there would pin a local http address.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const isApiDocs = request.url.startsWith('/api/docs');
    reply.header('content-security-policy', isApiDocs ? API_DOCS_CSP : CONTENT_SECURITY_POLICY);
    if (isApiDocs) return;
    await authenticate(options.db, request);
  });

  const context: HttpContext = { db: options.db, config: options.config };
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const register of [healthRoutes, authRoutes, eventRoutes, organisationRoutes, delegateRoutes, meetingRequestRoutes, importExportRoutes, referenceRoutes, scheduleRoutes, matchingRoutes, policyRoutes, ...(options.routes ?? [])]) {
    register(app, context);
  }
  for (const register of [trainingRoutes, calendarRoutes, demandRoutes, outcomeRoutes]) register(app, context);
  // The web app's pages and files: every GET address outside /api.
  await webAppRoutes(app);
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError)) request.log.warn({ url: request.url }, 'unexpected error');
  });
  return app;
}
