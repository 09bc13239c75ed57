/**
 * `GET /metrics` (outside /api: where Prometheus looks by default). No login: a scraper has no session.
 * Allowed are a caller on loopback whose request came through no proxy (no X-Forwarded-For or Forwarded
 * header: behind a reverse proxy on the same host every request comes from loopback), and any caller with
 * `Authorization: Bearer <KONTOR_METRICS_TOKEN>` when the server has that token. Others get 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AuthError } from '../domain/errors.ts';
import type { ApiContext } from './api-context.ts';
import type { ApiInstance } from './route-plugin.ts';

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether this request may read /metrics (see the module comment). */
export function mayScrape(request: FastifyRequest, token: string | null): boolean {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return token !== null && match !== null && sameSecret(match[1] as string, token);
  }
  const viaProxy =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !viaProxy && isLoopback(request.socket.remoteAddress);
}

export function registerMetricsRoute(app: ApiInstance, ctx: ApiContext): void {
  const token = ctx.options.metricsToken ?? null;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayScrape(request, token)) {
      reply.header('www-authenticate', 'Bearer realm="kontor-metrics"');
      throw new AuthError(
        'AUTH_REQUIRED',
        token === null
          ? 'The metrics answer only on loopback (set KONTOR_METRICS_TOKEN to scrape from elsewhere).'
          : 'The metrics need "Authorization: Bearer <KONTOR_METRICS_TOKEN>" from beyond loopback.',
      );
    }
    const text = await ctx.prometheus.scrape();
    return reply.header('cache-control', 'no-store').type(ctx.prometheus.contentType).send(text);
  });
}
