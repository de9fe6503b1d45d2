import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` (vite) puts the built web app. */
export const WEB_BUILD_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corridor</title></head>
<body><h1>Corridor</h1>
<p>The API is running (<a href="/api/docs">API docs</a>), but the web app has not been built.
Run <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it) and reload.</p>
</body></html>`;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built web app at `/`: its files, and index.html for every other page address so that
 * links such as /events/…/agenda (in e-mails) open the app on that page. Paths under /api never
 * fall back to the app: an unknown API route keeps answering with the JSON error.
 */
export async function webAppRoutes(app: FastifyInstance, root = WEB_BUILD_DIR): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root, serve: false });
    scope.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname === '/api' || pathname.startsWith('/api/')) return reply.callNotFound();
      let relative: string;
      try {
        relative = path.posix.normalize(decodeURIComponent(pathname)).replace(/^\/+/, '');
      } catch {
        return reply.callNotFound();
      }
      const file = path.join(root, relative);
      if (relative && !relative.startsWith('..') && file.startsWith(root + path.sep) && (await isFile(file))) {
        // Vite names built assets by content hash, so they never change under the same name.
        const hashed = relative.startsWith('assets/');
        return reply.sendFile(relative, { maxAge: hashed ? '365d' : 0, immutable: hashed });
      }
      if (path.extname(relative) && !relative.endsWith('.html')) return reply.callNotFound();
      if (!(await isFile(path.join(root, 'index.html')))) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      // Always revalidated, so a new build (new asset names) reaches browsers at once.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  });
}
