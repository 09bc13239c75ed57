/**
 * Security headers on every answer (UI, API, docs, errors) through @fastify/helmet. One Content Security
 * Policy serves the web UI (web/dist: only same-origin scripts, styles, fonts, fetch and server push) and the
 * Swagger UI at /api/docs (its bundle and initializer are same-origin files, no inline script):
 * - scripts only from this origin, never inline or eval; no plugins (object-src), no <base> elsewhere;
 * - styles from this origin plus inline <style>: Mantine writes its CSS variables into a <style> element at
 *   run time (a nonce would need index.html rendered per request; style injection cannot run code);
 * - images and fonts from this origin and data: URLs (icons inside the CSS);
 * - no framing at all (frame-ancestors 'none' and X-Frame-Options DENY against clickjacking);
 * - no upgrade-insecure-requests: `kontor serve` also answers plain HTTP on a LAN, where it would break every
 *   asset; HSTS is sent (browsers heed it only over HTTPS) without includeSubDomains, so that other hosts of
 *   the domain are not forced to HTTPS by Kontor.
 * Helmet's other defaults stay: X-Content-Type-Options nosniff, Referrer-Policy no-referrer,
 * Cross-Origin-Opener-Policy and -Resource-Policy same-origin, X-XSS-Protection 0 and the rest.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
      ),
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
}
