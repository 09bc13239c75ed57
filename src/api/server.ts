/**
 * The HTTP API (docs/api.md): Fastify with TypeBox schemas that validate every request and response and make
 * the OpenAPI document; one plugin per area under routes/; the web UI under `/`. `kontor serve` listens with
 * it; tests call `app.inject`.
 */
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Logger } from '../domain/logger.ts';
import { accessHook } from './access.ts';
import { type ApiDeps, createApiContext } from './api-context.ts';
import { errorResponse } from './error-response.ts';
import { assertBodyDepth } from './json-depth.ts';
import { registerMetricsRoute } from './metrics-route.ts';
import { nulGuard } from './nul-guard.ts';
import { oltpScopeHook } from './oltp-scope.ts';
import { registerOpenApi } from './openapi.ts';
import {
  errorStack,
  loggedUrl,
  requestIdOf,
  requestLoggerHook,
  requestLogHook,
  requestUserHook,
  userField,
} from './request-log.ts';
import type { ApiInstance, RoutePlugin } from './route-plugin.ts';
import { authRoutes } from './routes/auth.ts';
import { channelRoutes } from './routes/channels.ts';
import { eventRoutes } from './routes/events.ts';
import { homeRoutes } from './routes/home.ts';
import { importCustomersRoutes } from './routes/import-customers.ts';
import { importPreviewRoutes } from './routes/import-preview.ts';
import { jobRoutes } from './routes/jobs.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { oltpRoutes } from './routes/oltp.ts';
import { partnerRoutes } from './routes/partners.ts';
import { recordRoutes } from './routes/records.ts';
import { runLogRoutes } from './routes/run-logs.ts';
import { systemRoutes } from './routes/system.ts';
import { userRoutes } from './routes/users.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { DEFAULT_WEB_ROOT, registerWebUi } from './web-ui.ts';

const ROUTES: readonly RoutePlugin[] = [
  authRoutes,
  userRoutes,
  systemRoutes,
  oltpRoutes,
  channelRoutes,
  homeRoutes,
  importCustomersRoutes,
  importPreviewRoutes,
  jobRoutes,
  runLogRoutes,
  partnerRoutes,
  recordRoutes,
  notificationRoutes,
  eventRoutes,
];

export function buildApi(deps: ApiDeps): ApiInstance {
  const ctx = createApiContext(deps);
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    // Behind a TLS-terminating proxy: X-Forwarded-Proto/-For give the protocol (Secure cookie) and the client.
    trustProxy: deps.options.trustProxy === true,
    genReqId: requestIdOf(deps.options.trustProxy === true),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // An empty JSON body counts as none (POST /api/jobs/1/release from a client that always sends the header).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text === '') return done(null, undefined);
    try {
      assertBodyDepth(text);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(request, text, done);
  });
  app.decorateRequest('user', null);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('oltp', null);
  app.decorateRequest('logger', null as unknown as Logger);
  app.register(cookie);
  registerSecurityHeaders(app);
  app.setErrorHandler((error, request, reply) => {
    const { status, body, internal } = errorResponse(error);
    if (internal) {
      const log = request.logger ?? ctx.logger;
      log.error(`${request.method} ${loggedUrl(request.url)} -> ${status}: ${internal}`, {
        event: 'request-error',
        ...userField(request),
        status,
        stack: status >= 500 ? errorStack(error) : null,
      });
    }
    return reply.status(status).send(body);
  });
  app.addHook('onRequest', requestLoggerHook(ctx.logger));
  app.addHook('onResponse', async (request, reply) => {
    ctx.prometheus.observeRequest(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  if (deps.options.requestLog) app.addHook('onResponse', requestLogHook(ctx.logger));
  app.addHook('onRequest', accessHook(ctx));
  app.addHook('preHandler', requestUserHook);
  app.addHook('preHandler', oltpScopeHook);
  app.addHook('preValidation', nulGuard);
  app.addHook('preClose', async () => {
    await ctx.hub.close();
  });
  registerOpenApi(app, deps.options.version);
  for (const plugin of ROUTES) {
    app.register(async (scope) => plugin(scope.withTypeProvider<TypeBoxTypeProvider>(), ctx), {
      prefix: '/api',
    });
  }
  registerMetricsRoute(app, ctx);
  const webRoot = deps.options.webRoot === undefined ? DEFAULT_WEB_ROOT : deps.options.webRoot;
  registerWebUi(app, webRoot);
  return app;
}
