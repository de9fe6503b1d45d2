import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { createUser } from '../../src/services/auth/users';
import { createTestDatabase } from '../support/database';
import { buildTestApp } from '../support/app';

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

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | string[] | number | undefined): Record<string, string> {
  return Object.fromEntries(
    String(header ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

describe('security headers', () => {
  it('lets the web app load only its own scripts, styles and API, and never be framed', async () => {
    for (const url of ['/', '/events/some-event/agenda', '/api/health', '/api/nothing-here']) {
      const response = await app.inject({ url });
      const csp = directives(response.headers['content-security-policy']);
      expect(csp, url).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'img-src': "'self' data:",
        'connect-src': "'self'",
        'frame-ancestors': "'none'",
        'base-uri': "'self'",
        'form-action': "'self'",
      });
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(response.headers['permissions-policy'], url).toContain('camera=()');
    }
  });

  it('keeps the API docs working: their inline styles are allowed there, scripts still only from the server', async () => {
    const response = await app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    // The page loads Swagger UI from its own files, so script-src 'self' is enough.
    expect(response.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    const csp = directives(response.headers['content-security-policy']);
    expect(csp['script-src']).toBe("'self'");
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect((await app.inject({ url: '/api/docs/json' })).json().openapi).toMatch(/^3\./);
  });

  it('asks browsers to stay on HTTPS only when the request came over HTTPS', async () => {
    const plain = await app.inject({ url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(behindProxy.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
  });
});

describe('the session cookie', () => {
  const password = 'a long enough password';

  beforeAll(async () => {
    await createUser(handle.db, { email: 'cookie@test.example', name: 'Cookie Test', role: 'delegate', password });
  });

  async function signIn(headers: Record<string, string> = {}) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload: { email: 'cookie@test.example', password } });
    expect(response.statusCode).toBe(200);
    return response.cookies.find((cookie) => cookie.name === 'corridor_session')!;
  }

  it('cannot be read by scripts nor sent by other sites, on plain HTTP (a laptop at the venue) without Secure', async () => {
    const cookie = await signIn();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
  });

  it('is Secure when the request came over HTTPS through a proxy', async () => {
    const cookie = await signIn({ 'x-forwarded-proto': 'https' });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  });
});
