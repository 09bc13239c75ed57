/** What the HTTP API is built from (`buildApi(deps)`) and the services its routes share. */
import type { AdapterRegistry } from '../adapters/registry.ts';
import type { BatchApplications } from '../batch/batch-application.ts';
import { type Logger, silentLogger } from '../domain/logger.ts';
import { createServices, type Services } from '../services.ts';
import type { Db } from '../storage/db.ts';
import type { HashCost } from '../users/password-hasher.ts';
import { EventHub } from './event-hub.ts';
import { ApiMetrics } from './metrics.ts';
import { requestOltpDb } from './oltp-scope.ts';

export interface ApiOptions {
  /** Set `Secure` on the session cookie (not for plain HTTP requests on loopback). */
  secureCookies: boolean;
  /** The built web UI (web/dist); null: none. Default: web/dist of this checkout. */
  webRoot?: string | null;
  version: string;
  /** The application server of this process, if it runs one (`kontor serve`). */
  appServer: string | null;
  /** Tests: the time for sessions and the login throttle. */
  clock?: () => Date;
  /** Tests: how a slowed-down login (a known client over the throttle's limit) waits. */
  loginSleep?: (ms: number) => Promise<void>;
  /** Tests: a cheaper argon2id cost. */
  hashCost?: HashCost;
  /** Server push: a comment line this often keeps proxies open (default 25 s). */
  heartbeatMs?: number;
  /**
   * Where the server's events go: internal error details (never to clients, with the stack for 5xx
   * answers) and, with `requestLog`, one line per request; each request logs through a child with reqId
   * and user. Default: none.
   */
  logger?: Logger;
  /** One line per answered request (method, path with query names only, status, ms, user, client). */
  requestLog?: boolean;
  /**
   * Who may scrape /metrics besides a caller on loopback that came through no proxy: a bearer token
   * (KONTOR_METRICS_TOKEN). Null or absent: loopback only.
   */
  metricsToken?: string | null;
  /**
   * Trust X-Forwarded-Proto / X-Forwarded-For (`kontor serve --trust-proxy`): behind a TLS-terminating proxy
   * the cookie gets Secure and the client's address is the proxy's caller. Only when every request comes
   * through the proxy, or clients could claim any protocol and address.
   */
  trustProxy?: boolean;
  /** `kontor demo`: its explanation for the web UI (GET /api/system `demo`, `demoNotice`); null: no demo. */
  demoNotice?: string | null;
}

export interface ApiDeps {
  db: Db;
  adapters: AdapterRegistry;
  applications: BatchApplications;
  options: ApiOptions;
}

export type ApiContext = ApiDeps &
  Services & {
    hub: EventHub;
    logger: Logger;
    /** The figures of GET /metrics. */
    prometheus: ApiMetrics;
  };

export function createApiContext(given: ApiDeps): ApiContext {
  // Every statement works on the OLTP database of the request's session (oltp-scope.ts).
  const deps = { ...given, db: requestOltpDb(given.db) };
  const services = createServices(deps.db, deps.adapters, {
    applications: deps.applications,
    clock: deps.options.clock,
    hashCost: deps.options.hashCost,
    loginSleep: deps.options.loginSleep,
  });
  const { notifications, sessions } = services;
  return {
    ...deps,
    ...services,
    hub: new EventHub({
      notifications,
      heartbeatMs: deps.options.heartbeatMs ?? 25_000,
      sessionValid: (idHash, user) => sessions.isValid(idHash, user),
    }),
    logger: deps.options.logger ?? silentLogger,
    prometheus: new ApiMetrics(() => services.metrics.snapshot(), deps.options.version),
  };
}
