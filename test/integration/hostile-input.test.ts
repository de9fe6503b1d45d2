import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildTables } from '../support/factories';

let handle: DatabaseHandle;
let app: FastifyInstance;
let organiserToken: string;
let delegateToken: string;
let realIds: string[];

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
  const { event, organiser } = await buildEvent(handle.db);
  await buildSlots(handle.db, event.id, 4);
  await buildTables(handle.db, event.id, 2);
  const a = await buildDelegate(handle.db, event.id, { country: 'PK' });
  const b = await buildDelegate(handle.db, event.id, { country: 'CN' });
  const { request, meeting } = await buildAcceptedMeeting(handle.db, event.id, a.delegate.id, b.delegate.id);
  organiserToken = organiser.token;
  delegateToken = a.token;
  realIds = [event.id, a.delegate.id, b.delegate.id, a.organisation.id, b.organisation.id, request.id, meeting.id];
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("' or 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '\u202e', '💥'.repeat(20), 'x'.repeat(10_000), '-1', '1e309', 'NaN', 'null'),
);

/** Every route of the OpenAPI document with its method, so routes added later are fuzzed too. */
async function routes(): Promise<{ method: string; path: string }[]> {
  const spec = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
}

describe('hostile input on every JSON route', () => {
  it('never answers 500, and every error has the documented shape', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of all) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(fc.constantFrom(...realIds), fc.uuid(), hostileString), { minLength: 4, maxLength: 4 }),
          fc.dictionary(fc.string({ maxLength: 12 }), hostileString, { maxKeys: 4 }),
          fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('name', 'email', 'password', 'toDelegateId', 'message', 'hsCodes', 'slots', 'tables', 'kind', 'title', 'k', 'timeLimitSeconds'), fc.jsonValue())),
          fc.constantFrom(organiserToken, delegateToken, null),
          async (params, query, body, token) => {
            let i = 0;
            const url = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++ % params.length]!)) + '?' + new URLSearchParams(query).toString();
            const response = await as(app, token)({
              method: route.method as 'GET',
              url,
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
            });
            if (response.statusCode >= 500) failures.push(`${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
            if (response.statusCode >= 400 && route.path !== '/api/docs') {
              const error = response.json().error;
              expect(typeof error?.code, `${route.method} ${url}`).toBe('string');
              expect(typeof error?.message).toBe('string');
            }
          },
        ),
        { numRuns: 12, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
