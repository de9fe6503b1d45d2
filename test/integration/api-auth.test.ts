import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { outbox } from '../../src/storage/schema';
import { createUser } from '../../src/services/auth/users';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildEvent, buildUser } from '../support/factories';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('system routes', () => {
  it('answers health with ok while the database is reachable', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI document that lists the routes, and browsable docs', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/events/{eventId}/organisations', '/api/meeting-requests/{id}/accept']));
    const docs = await app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers unknown routes and malformed input with the JSON error shape', async () => {
    const missing = await app.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const bad = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@y.example' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', field: expect.stringContaining('password') });
  });
});

describe('password sign-in', () => {
  it('signs in with the right password and rejects a wrong one without saying which part was wrong', async () => {
    await createUser(handle.db, { email: 'amina@test.example', name: 'Amina', role: 'delegate', password: 'correct horse battery' });
    const ok = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'Amina@test.example', password: 'correct horse battery' } });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.token).toMatch(/^cs_/);
    const cookie = ok.cookies.find((c) => c.name === 'corridor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const me = await as(app, body.token)({ url: '/api/me' });
    expect(me.json()).toMatchObject({ email: 'amina@test.example', role: 'delegate' });

    const wrong = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'amina@test.example', password: 'wrong password!' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'nobody@test.example', password: 'wrong password!' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('requires the CSRF header for writes made with the session cookie, not for bearer tokens', async () => {
    const person = await buildUser(handle.db, 'organiser');
    const cookie = { corridor_session: person.token };
    const withoutHeader = await app.inject({ method: 'POST', url: '/api/tokens', cookies: cookie, payload: { name: 'ci' } });
    expect(withoutHeader.statusCode).toBe(403);
    const withHeader = await app.inject({ method: 'POST', url: '/api/tokens', cookies: cookie, headers: { 'x-csrf-token': person.csrfToken }, payload: { name: 'ci' } });
    expect(withHeader.statusCode).toBe(201);
    const bearer = await as(app, person.token)({ method: 'POST', url: '/api/tokens', payload: { name: 'script' } });
    expect(bearer.statusCode).toBe(201);
  });

  it('ends the session on sign-out', async () => {
    const person = await buildUser(handle.db);
    expect((await as(app, person.token)({ url: '/api/me' })).statusCode).toBe(200);
    expect((await as(app, person.token)({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(204);
    expect((await as(app, person.token)({ url: '/api/me' })).statusCode).toBe(401);
  });
});

describe('e-mailed sign-in link', () => {
  async function latestLinkFor(email: string): Promise<string> {
    const [mail] = await handle.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt));
    const match = /token=([^\s&]+)/.exec(mail?.textBody ?? '');
    if (!match) throw new Error(`no sign-in link was queued for ${email}`);
    return decodeURIComponent(match[1]!);
  }

  it('queues a link that signs in exactly once', async () => {
    await createUser(handle.db, { email: 'bilal@test.example', name: 'Bilal', role: 'delegate', language: 'ur' });
    const asked = await app.inject({ method: 'POST', url: '/api/auth/sign-in-link', payload: { email: 'bilal@test.example' } });
    expect(asked.statusCode).toBe(202);
    const [mail] = await handle.db.select().from(outbox).where(eq(outbox.toAddress, 'bilal@test.example'));
    expect(mail!.subject).toContain('سائن ان'); // in the user's language
    const token = await latestLinkFor('bilal@test.example');
    const first = await app.inject({ method: 'POST', url: '/api/auth/sign-in-link/verify', payload: { token } });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.email).toBe('bilal@test.example');
    const again = await app.inject({ method: 'POST', url: '/api/auth/sign-in-link/verify', payload: { token } });
    expect(again.statusCode).toBe(401);
  });

  it('answers the same for unknown addresses and queues nothing for them', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in-link', payload: { email: 'ghost@test.example' } });
    expect(response.statusCode).toBe(202);
    const mails = await handle.db.select().from(outbox).where(eq(outbox.toAddress, 'ghost@test.example'));
    expect(mails).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('lets organisers act with a token until it is revoked; delegates cannot create tokens', async () => {
    const { organiser, event } = await buildEvent(handle.db);
    const created = (await as(app, organiser.token)({ method: 'POST', url: '/api/tokens', payload: { name: 'import script' } })).json();
    expect(created.token).toMatch(/^ct_/);
    const viaToken = await as(app, created.token)({ method: 'PATCH', url: `/api/events/${event.id}`, payload: { venue: 'Expo Centre' } });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().venue).toBe('Expo Centre');
    expect((await as(app, organiser.token)({ method: 'DELETE', url: `/api/tokens/${created.id}` })).statusCode).toBe(204);
    expect((await as(app, created.token)({ url: '/api/me' })).statusCode).toBe(401);

    const delegate = await buildUser(handle.db, 'delegate');
    expect((await as(app, delegate.token)({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } })).statusCode).toBe(403);
  });
});

describe('abuse limits', () => {
  it('slows down password guessing from one address', async () => {
    await createUser(handle.db, { email: 'target@test.example', name: 'Target', role: 'delegate', password: 'the real password' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '203.0.113.7', payload: { email: 'target@test.example', password: `guess ${i} guess` } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another address is not affected.
    const other = await app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '203.0.113.8', payload: { email: 'target@test.example', password: 'the real password' } });
    expect(other.statusCode).toBe(200);
  });
});
