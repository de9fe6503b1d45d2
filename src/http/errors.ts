import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors';
import type { ErrorCode } from '../domain/errors';
import { isDatabaseUnavailable } from '../storage/db';

export const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  LIMIT_REACHED: 422,
  DEADLINE_PASSED: 422,
  RULE_VIOLATED: 422,
  RATE_LIMITED: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string; rows?: unknown[] };
}

function body(code: string, message: string, field?: string, rows?: unknown[]): ErrorBody {
  return { error: { code, message, ...(field ? { field } : {}), ...(rows ? { rows } : {}) } };
}

/** Maps every failure to `{ error: { code, message, field? } }` with its status; internals never leak. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(STATUS[error.code]).send(body(error.code, error.message, error.field, error.rows));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const where = (error as FastifyError).validationContext ?? 'body';
    const path = issue?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || (issue?.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || '';
    const field = path || where;
    return reply.status(400).send(body('VALIDATION', `${field}: ${issue?.message ?? 'is invalid'}`, field));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return reply.status(413).send(body('PAYLOAD_TOO_LARGE', 'the request body is too large'));
  }
  if (fastifyError.statusCode === 429) {
    return reply.status(429).send(body('RATE_LIMITED', 'too many requests; try again shortly'));
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply.status(fastifyError.statusCode).send(body('VALIDATION', fastifyError.message));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply.status(503).header('retry-after', '5').send(body('UNAVAILABLE', 'the database is not reachable at the moment; try again in a few seconds'));
  }
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send(body('INTERNAL', 'something went wrong on our side; it has been logged'));
}
