/**
 * A Magento 2.4 / Adobe Commerce web API simulator over node:http, for tests and the demo. It serves the
 * customer routes under /rest/V1, /rest/default/V1, /rest/all/V1 and /rest/<store code>/V1 with Magento's
 * bearer-token auth (integration token or admin token from POST /V1/integration/admin/token, 4 h),
 * searchCriteria semantics, field names and types, date format and error bodies (see simulator-*.ts),
 * over a deterministic generated shop (seed.ts). Tests can inject failures (503 n times, 429 with
 * Retry-After, slow answers, dropped connections), switch on Web API input limits, emulate 2.3's paging
 * past the last page, move the clock, and read or change the data in process through `store`.
 */
import type { ServerResponse } from 'node:http';
import { parsePhpQuery } from '../../adapters/http/query-string.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL, GeneratedShop } from './seed.ts';
import { integrationToken, SimulatorAuth } from './simulator-auth.ts';
import { MagentoApiError, MESSAGES, notAuthorized } from './simulator-errors.ts';
import { parseBody, sendFailure } from './simulator-http.ts';
import { findRoute, type RouteContext } from './simulator-routes.ts';
import type { PastLastPage } from './simulator-search.ts';
import { MagentoStore } from './simulator-store.ts';

export type { InjectedFailure, SimulatorRequest } from '../kit/simulator-server.ts';

export interface MagentoSimulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  /** The integration access token (default: derived from the seed, 32 characters like Magento's). */
  token?: string;
  /** ACL resources the integration token grants (default: all). */
  tokenResources?: readonly string[];
  /** Admin user for POST /V1/integration/admin/token. Default admin / magento123. */
  admin?: { username: string; password: string };
  /** Generated customers. Default 200. */
  customers?: number;
  /** Seed of the generated shop. Default 1. */
  seed?: number;
  /** Share (0..1) of deliberately broken customers. Default 0.02. */
  brokenShare?: number;
  /** Adobe Commerce B2B installed: company_attributes and GET /V1/company/:id. Default false. */
  b2b?: boolean;
  /** No generated timestamp is later than this. Default 2025-06-30T12:00:00Z. */
  seedUntil?: Date;
  /** The shop's clock (updated_at of saves, token expiry). Default: real time. */
  clock?: () => Date;
  /** Web API input limits: a larger pageSize is a 400. Default null (off, as Magento ships). */
  maxPageSize?: number | null;
  /** Page size when a request has none, with input limits on. Default 20. */
  defaultPageSize?: number;
  /** Paging past the last page: 'empty' (2.4, default) or 'last-page' (2.3 repeated the last page). */
  pastLastPage?: PastLastPage;
  /** Store view codes besides "all". Default ["default"]. */
  storeCodes?: readonly string[];
  /** An edge rate limit (as in front of Adobe Commerce Cloud): more requests per second get 429. */
  requestsPerSecond?: number | null;
  /** Latency added to every answer. */
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface MagentoSimulator {
  /** The shop's base URL (what a channel is configured with). */
  url: string;
  /** The integration access token. */
  token: string;
  store: MagentoStore;
  /** Every request so far, in order. */
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

const REST_PATH = /^\/rest(?:\/([^/]+))?(\/V1\/.*)$/;

export async function startMagentoSimulator(
  options: MagentoSimulatorOptions = {},
): Promise<MagentoSimulator> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const b2b = options.b2b ?? false;
  const store = new MagentoStore({ clock, b2b });
  store.useGenerated(
    new GeneratedShop({
      customers: options.customers ?? 200,
      seed,
      brokenShare: options.brokenShare ?? 0.02,
      b2b,
      until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
    }),
  );
  const token = options.token ?? integrationToken(seed);
  const auth = new SimulatorAuth({
    token,
    tokenResources: options.tokenResources,
    admin: options.admin ?? { username: 'admin', password: 'magento123' },
    clock,
  });
  const storeCodes = new Set(['all', ...(options.storeCodes ?? ['default'])]);
  const limits = { maxPageSize: options.maxPageSize ?? null, defaultPageSize: options.defaultPageSize ?? 20 };

  function apiPathOf(url: URL): string {
    const rest = REST_PATH.exec(url.pathname);
    // An unknown store code is not stripped, so the path matches no route (Magento's PathProcessor).
    if (!rest) return '';
    return rest[1] === undefined || storeCodes.has(rest[1]) ? (rest[2] as string) : url.pathname;
  }

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    const { url, method } = request;
    const apiPath = apiPathOf(url);
    try {
      const { route, params } = findRoute(method, apiPath, b2b);
      if (!auth.grants(request.headers.authorization, route.resource)) throw notAuthorized(route.resource);
      const context: RouteContext = {
        store,
        query: parsePhpQuery(url.searchParams),
        body: parseBody(request.rawBody),
        params,
        limits,
        pastLastPage: options.pastLastPage ?? 'empty',
        b2b,
        adminToken: (username, password) => auth.issueAdminToken(username, password),
      };
      return sendJson(res, 200, route.handle(context));
    } catch (error) {
      if (error instanceof MagentoApiError) return sendJson(res, error.status, error.body());
      const report = Math.floor(Math.random() * 1e12).toString(16);
      return sendJson(res, 500, { message: MESSAGES.internal, parameters: [report] });
    }
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: options.requestsPerSecond,
    failurePath: apiPathOf,
    handle,
    renderFailure: sendFailure,
    renderRateLimited: (res) =>
      sendJson(res, 429, { message: MESSAGES.tooManyRequests }, { 'retry-after': '1' }),
  });

  return { ...server, token, store };
}
