/** What the HTTP API is built from (`buildApi(deps)`) and the services its routes share. */
import type { AdapterRegistry } from '../adapters/registry.ts';
import type { BatchApplications } from '../batch/batch-application.ts';
import { createServices, type Services } from '../services.ts';
import type { Db } from '../storage/db.ts';
import type { HashCost } from '../users/password-hasher.ts';
import { EventHub } from './event-hub.ts';

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
  /** Where internal error details go (never to clients): with the stack for 5xx answers. */
  log?: (line: string) => void;
  /** One line per answered request (method, path with query names only, status, ms, user, client); none if absent. */
  requestLog?: (line: string) => void;
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
    log: (line: string) => void;
  };

export function createApiContext(deps: ApiDeps): ApiContext {
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
    log: deps.options.log ?? (() => undefined),
  };
}
