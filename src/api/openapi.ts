/** The OpenAPI document (from the route schemas) at /api/openapi.json and interactive docs at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './session-cookie.ts';

export function registerOpenApi(app: FastifyInstance, version: string): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kontor HTTP API',
        version,
        description:
          'Everything the `kontor` command does. Log in with POST /api/auth/login (sets the session cookie); ' +
          'every POST, PUT, PATCH and DELETE needs the header `X-Kontor-Request: 1`. Errors: `{ code, message, field? }`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
      tags: [
        { name: 'auth', description: 'Login, logout, own password' },
        { name: 'users', description: 'Users and roles (administrators)' },
        { name: 'system', description: 'Value assistants and the System cockpit' },
        { name: 'channels', description: 'Sales channels' },
        { name: 'import-customers', description: 'The Import customers application: file a batch job' },
        { name: 'jobs', description: 'Batch jobs' },
        { name: 'partners', description: 'Cockpit: Sales channel partners' },
        { name: 'records', description: 'Open records: records runs did not import; confirm, ignore, retry' },
        { name: 'notifications', description: 'Dialogs, workflow inbox and server push' },
      ],
    },
  });
  // No CSP of its own: the one of security-headers.ts (no framing at all) covers the docs too.
  app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
}
