import type { FastifyInstance, InjectOptions } from 'fastify';
import { readConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import type { Database } from '../../src/storage/db';

export async function buildTestApp(db: Database): Promise<FastifyInstance> {
  return buildApp({ db, config: readConfig({ PUBLIC_URL: 'http://corridor.test' }) });
}

/** Sends a request as the holder of a bearer token (or anonymously). */
export function as(app: FastifyInstance, token: string | null) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}
