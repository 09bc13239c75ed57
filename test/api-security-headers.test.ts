/**
 * Security headers (issue 11, defect 10) on an API route, an API error, the web UI and the API docs: one
 * Content Security Policy without framing, X-Frame-Options DENY, nosniff and no referrer. That the UI and the
 * docs render under the policy without a violation is checked in real Chromium (test/browser/).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../src/api/server.ts';
import { testApplications } from './support/batch-fixtures.ts';
import { testAdapters } from './support/import-fixtures.ts';

function expectSecurityHeaders(response: LightMyRequestResponse, what: string): void {
  const csp = String(response.headers['content-security-policy'] ?? '');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toContain('upgrade-insecure-requests');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['referrer-policy'], what).toBe('no-referrer');
}

describe('HTTP API: security headers', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kontor-web-'));
    await mkdir(join(folder, 'assets'));
    await writeFile(join(folder, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(folder, 'assets', 'index-4f3a9c.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const build = (webRoot: string | null) =>
    buildApi({
      // No statement runs for these answers; the API takes the handle of the session's OLTP database.
      db: {
        kind: 'pglite',
        location: 'memory',
        withSearchPath() {
          return this;
        },
      } as never,
      adapters: testAdapters,
      applications: testApplications,
      options: { secureCookies: true, webRoot, version: 'x', appServer: null },
    });

  it('sends them on API answers, API errors, the UI, its assets, the SPA fallback and the docs', async () => {
    const app = build(folder);
    const answers: Array<[string, number]> = [
      ['/api/auth/me', 401],
      ['/api/unknown', 404],
      ['/', 200],
      ['/assets/index-4f3a9c.js', 200],
      ['/jobs/12', 200],
      ['/api/docs/', 200],
      ['/api/docs/static/swagger-initializer.js', 200],
      ['/api/openapi.json', 200],
    ];
    for (const [url, status] of answers) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(status);
      expectSecurityHeaders(response, url);
    }
    await app.close();
  });

  it('sends them on the page shown while the UI is not built', async () => {
    const app = build(join(folder, 'missing'));
    const page = await app.inject('/');
    expect(page.body).toContain('npm run build:web');
    expectSecurityHeaders(page, '/');
    await app.close();
  });
});
