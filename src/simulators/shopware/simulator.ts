/**
 * A Shopware 6 Admin API simulator over node:http, for tests and the demo. It serves
 *   POST   /api/oauth/token              client_credentials, password and refresh_token grants
 *   POST   /api/search/customer          criteria -> entities (JSON or JSON:API by the Accept header)
 *   POST   /api/search-ids/customer      criteria -> { total, data: [ids] }
 *   GET    /api/customer/:id             one customer (criteria in the query are not read)
 *   PATCH  /api/customer/:id             writes fields (204)
 *   DELETE /api/customer/:id             deletes (204)
 *   GET    /api/_info/version            { version }
 * with Shopware's OAuth (10-minute tokens on the simulator's clock, the oauth rate limiter), ACL
 * privileges, criteria semantics, field names, date format, error bodies and content negotiation (see
 * simulator-*.ts), over a deterministic generated shop (seed.ts). Tests can inject failures, move the
 * clock, set shopware.api.max_limit, and read or change the data in process through `store`.
 */
import type { ServerResponse } from 'node:http';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { type BrokenKind, DEFAULT_SEED_UNTIL, timelineOf } from './seed.ts';
import { type Integration, integrationKeys, mayRead, SimulatorAuth } from './simulator-auth.ts';
import { type ParsedCriteria, parseCriteria } from './simulator-criteria.ts';
import { search } from './simulator-criteria-eval.ts';
import { fail, plainError, ShopwareApiError, shopwareError } from './simulator-errors.ts';
import { renderEntity, renderJson, renderJsonApi } from './simulator-render.ts';
import type { EntityName } from './simulator-schema.ts';
import { ShopwareStore } from './simulator-store.ts';

export type { InjectedFailure, SimulatorRequest } from '../kit/simulator-server.ts';

export interface ShopwareSimulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  /** Generated customers. Default 200. */
  customers?: number;
  /** Seed of the generated shop. Default 1. */
  seed?: number;
  /** Share (0..1) of deliberately broken customers. Default 0.02. */
  brokenShare?: number;
  /** No generated timestamp is later than this. Default 2025-06-30T12:00:00Z. */
  seedUntil?: Date;
  /** The integration (default: keys derived from the seed, administrator rights). */
  integration?: Integration;
  /** Admin user for the password grant. Default admin / shopware. */
  admin?: { username: string; password: string };
  /** shopware.api.max_limit: larger limits are a 400, a missing limit becomes it. Default 500 (6.6); null = none. */
  maxLimit?: number | null;
  /** The shop's clock (createdAt/updatedAt of writes, token expiry, rate limiter). Default: real time. */
  clock?: () => Date;
  /** Version reported by /api/_info/version. */
  version?: string;
  /** An edge rate limit in front of the shop: more requests per second get 429. */
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface ShopwareSimulator {
  /** The shop's base URL (what a channel is configured with). */
  url: string;
  integration: Integration;
  store: ShopwareStore;
  /** Ids of the deliberately broken customers and how they are broken. */
  broken: Map<string, BrokenKind>;
  /** Invalidates every access token (clients must fetch a new one). */
  revokeTokens(): void;
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

const ENTITY_PATHS: Readonly<Record<string, EntityName>> = { customer: 'customer' };

export async function startShopwareSimulator(
  options: ShopwareSimulatorOptions = {},
): Promise<ShopwareSimulator> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const store = new ShopwareStore(clock);
  const shop = store.loadGenerated(
    timelineOf({
      customers: options.customers ?? 200,
      seed,
      brokenShare: options.brokenShare ?? 0.02,
      until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
    }),
  );
  const integration = options.integration ?? integrationKeys(seed);
  const auth = new SimulatorAuth({
    integrations: [integration],
    admin: options.admin ?? { username: 'admin', password: 'shopware' },
    clock,
  });
  const maxLimit = options.maxLimit === undefined ? 500 : options.maxLimit;
  let baseUrl = '';

  function route(request: IncomingSimulatorRequest, res: ServerResponse): number {
    const { method, url } = request;
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'POST' && path === '/api/oauth/token') {
      const ip =
        String(request.headers['x-forwarded-for'] ?? '127.0.0.1')
          .split(',')[0]
          ?.trim() ?? '';
      return sendJson(res, 200, auth.token(tokenBody(request), ip), {
        'cache-control': 'no-store, private',
        pragma: 'no-cache',
      });
    }
    const search = /^\/api\/(search|search-ids)\/([a-z-]+)$/.exec(path);
    const detail = /^\/api\/([a-z-]+)\/([0-9a-f]{32})$/.exec(path);
    if (!path.startsWith('/api/') || (!search && !detail && path !== '/api/_info/version')) {
      throw plainError(404, `No route found for "${method} ${url.origin}${url.pathname}"`);
    }
    const privileges = auth.authenticate(request.headers.authorization);
    if (path === '/api/_info/version' && method === 'GET')
      return sendJson(res, 200, { version: options.version ?? '6.6.10.4' });
    const entity = ENTITY_PATHS[search?.[2] ?? detail?.[1] ?? ''];
    if (!entity) throw plainError(404, `No route found for "${method} ${url.origin}${url.pathname}"`);
    const jsonApi = wantsJsonApi(request.headers.accept);

    if (search && method === 'POST') {
      const criteria = parseCriteria(parseJson(request.rawBody), entity, maxLimit);
      requirePrivileges(privileges, criteria);
      const result = searchEntities(entity, criteria);
      if (search[1] === 'search-ids') {
        return sendJson(res, 200, { total: result.total, data: result.data.map((row) => row.id) });
      }
      return jsonApi
        ? sendJsonApi(
            res,
            renderJsonApi(entity, result.data, result.total, criteria, baseUrl, `${baseUrl}${url.pathname}`),
          )
        : sendJson(res, 200, renderJson(entity, result.data, result.total, criteria));
    }
    if (detail) {
      const id = detail[2] as string;
      if (!mayRead(privileges, entity)) missingPrivileges([`${entity}:read`]);
      if (method === 'GET') {
        const criteria = parseCriteria({ ids: [id] }, entity, null);
        const found = store.get(id) ?? notFound(entity, id);
        const row = found as unknown as Record<string, unknown>;
        if (!jsonApi) return sendJson(res, 200, { data: renderEntity(entity, row, criteria) });
        const document = renderJsonApi(entity, [row], 1, criteria, baseUrl, `${baseUrl}${url.pathname}`);
        return sendJsonApi(res, { data: (document.data as unknown[])[0], links: document.links });
      }
      if (method === 'PATCH' || method === 'DELETE') {
        if (
          privileges !== undefined &&
          !privileges.includes(`${entity}:${method === 'PATCH' ? 'update' : 'delete'}`)
        ) {
          missingPrivileges([`${entity}:${method === 'PATCH' ? 'update' : 'delete'}`]);
        }
        if (method === 'DELETE') {
          if (!store.delete(id)) notFound(entity, id);
        } else {
          if (!store.get(id)) notFound(entity, id);
          store.update(id, (parseJson(request.rawBody) ?? {}) as Record<string, unknown>);
        }
        res.writeHead(204);
        res.end();
        return 204;
      }
    }
    throw plainError(405, `No route found for "${method} ${url.origin}${url.pathname}": Method Not Allowed`);
  }

  function searchEntities(entity: EntityName, criteria: ParsedCriteria) {
    if (entity === 'customer') return store.search(criteria) as unknown as ReturnType<typeof search>;
    return search([], criteria);
  }

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    try {
      return route(request, res);
    } catch (error) {
      if (error instanceof ShopwareApiError) return sendJson(res, error.status, error.body());
      return sendJson(res, 500, {
        errors: [{ code: '0', status: '500', title: 'Internal Server Error', detail: String(error) }],
      });
    }
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: options.requestsPerSecond,
    handle,
    renderFailure,
    renderRateLimited: (res) =>
      sendJson(
        res,
        429,
        { errors: [{ code: '0', status: '429', title: 'Too Many Requests', detail: 'Too Many Requests' }] },
        { 'retry-after': '1' },
      ),
  });
  baseUrl = server.url;
  return { ...server, integration, store, broken: shop.broken, revokeTokens: () => auth.revokeAll() };
}

/** The token request's parameters: JSON or form-encoded, as Shopware accepts both. */
function tokenBody(request: IncomingSimulatorRequest): Record<string, unknown> {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(request.rawBody));
  }
  const body = parseJson(request.rawBody);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/**
 * Shopware's content negotiation: the Accept header's types in order; * / * adds JSON:API (the Admin API's
 * default); application/json is plain JSON; no acceptable type (or no Accept header at all) is a 415.
 */
function wantsJsonApi(accept: string | undefined): boolean {
  const types = (accept ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter(Boolean);
  if (types.includes('*/*')) types.push('application/vnd.api+json');
  for (const type of types) {
    if (type === 'application/json') return false;
    if (type === 'application/vnd.api+json') return true;
  }
  throw plainError(415, `All provided media types are unsupported. (${types.join(', ')})`);
}

function requirePrivileges(privileges: readonly string[] | undefined, criteria: ParsedCriteria): void {
  const missing: string[] = [];
  const visit = (current: ParsedCriteria) => {
    if (!mayRead(privileges, current.entity)) missing.push(`${current.entity}:read`);
    for (const nested of current.associations.values()) visit(nested);
  };
  visit(criteria);
  if (missing.length > 0) missingPrivileges([...new Set(missing)]);
}

function missingPrivileges(privileges: string[]): never {
  throw new ShopwareApiError(403, [
    {
      ...shopwareError(403, 'FRAMEWORK__MISSING_PRIVILEGE_ERROR', 'Missing privilege'),
      detail: JSON.stringify({ message: 'Missing privilege', missingPrivileges: privileges }),
    },
  ]);
}

function notFound(entity: string, id: string): never {
  return fail(
    404,
    'FRAMEWORK__RESOURCE_NOT_FOUND',
    'The {{ entity }} resource with the following primary key was not found: id({{ id }})',
    { entity, id },
  );
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw plainError(400, 'The JSON payload is malformed.');
  }
}

function sendJsonApi(res: ServerResponse, body: unknown): number {
  res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
  res.end(JSON.stringify(body));
  return 200;
}

const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Maintenance mode</title></head>' +
  '<body><h1>Our shop is currently undergoing maintenance.</h1></body></html>';

/** An injected failure: 503 maintenance page (HTML), other statuses as Shopware error JSON. */
function renderFailure(res: ServerResponse, failure: InjectedFailure): number {
  const status = failure.status ?? 503;
  const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
  if (failure.body !== undefined) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(failure.body);
    return status;
  }
  if (status === 503) {
    res.writeHead(503, { 'content-type': 'text/html; charset=UTF-8', ...headers });
    res.end(MAINTENANCE_PAGE);
    return status;
  }
  const title = status === 429 ? 'Too Many Requests' : status >= 500 ? 'Internal Server Error' : 'Error';
  return sendJson(
    res,
    status,
    { errors: [{ code: '0', status: String(status), title, detail: `Injected failure (HTTP ${status}).` }] },
    headers,
  );
}
