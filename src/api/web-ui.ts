/**
 * The web UI: the files Vite built into web/dist, with an SPA fallback (any GET outside /api that is no file
 * answers index.html). Hashed assets (web/dist/assets/*) are cached for a year; index.html is revalidated on
 * every load, so a new build shows at once. Without a build, `/` answers a page that says how to make one.
 */
import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kontor</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Kontor</h1>
<p>The web UI is not built yet. Build it once with</p>
<pre>npm run build:web</pre>
<p>and reload this page. The HTTP API is running: see <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function registerWebUi(app: FastifyInstance, webRoot: string | null): void {
  const built = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (built) {
    app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: false,
      cacheControl: false,
      schemaHide: true,
      setHeaders(reply, path) {
        const hashed = path.includes(`${sep}assets${sep}`) && basename(path) !== 'index.html';
        reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
      },
    });
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', REVALIDATE).sendFile('index.html'),
    );
  }
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    const api = path === '/api' || path.startsWith('/api/');
    if (api || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `There is no ${request.method} ${path}.` });
    }
    reply.header('cache-control', REVALIDATE);
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.sendFile('index.html');
  });
}
