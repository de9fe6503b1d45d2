import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppRoutes } from '../../src/http/web-app';

/* How the server hands out the built web app: files, the app for page addresses, never for /api. */
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-web-'));
const built = path.join(base, 'web');
const missing = path.join(base, 'not-built');
let app: FastifyInstance;
let bare: FastifyInstance;

async function serve(root: string) {
  const server = Fastify();
  server.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } }));
  server.get('/api/health', async () => ({ status: 'ok' }));
  await webAppRoutes(server, root);
  return server;
}

beforeAll(async () => {
  fs.mkdirSync(path.join(built, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(built, 'index.html'), '<!doctype html><title>Corridor app</title>');
  fs.writeFileSync(path.join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
  [app, bare] = await Promise.all([serve(built), serve(missing)]);
});

afterAll(async () => {
  await Promise.all([app.close(), bare.close()]);
  fs.rmSync(base, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('answers page addresses (links in e-mails) with the app', async () => {
    for (const url of ['/', '/sign-in/link?token=sl_x', '/events/1b0c/agenda']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('Corridor app');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built files, content-hashed ones as immutable', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/gone-123.js' })).statusCode).toBe(404);
  });

  it('keeps /api for the API: an unknown API address is a JSON 404, not the app', async () => {
    const response = await app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it('never serves files outside the build', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('outside');
    }
  });

  it('says how to build the app when it is not built', async () => {
    const response = await bare.inject({ url: '/events/1b0c/inbox' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
    expect((await bare.inject({ url: '/api/nothing-here' })).statusCode).toBe(404);
  });
});
