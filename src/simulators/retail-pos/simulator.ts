/**
 * A Comarch Retail POS head office with the Kontor Retail POS protocol (docs/protocols/retail-pos.md),
 * simulated over node:http for tests and the demo: GET /api/v1/info, /api/v1/stores and /api/v1/customers
 * (customers and tombstones in one stream by change time, keyset-paged), an API key (X-Api-Key) or basic
 * auth, a rate limit of 5 requests per second (429 with Retry-After), and errors as
 * { "errors": [{ "code", "message" }] }. Tests change data in process through `store`.
 */
import type { ServerResponse } from 'node:http';
import type {
  PosCustomersResponse,
  PosInfo,
  PosStore as PosStoreRow,
} from '../../adapters/retail-pos/pos-types.ts';
import { HEAD_OFFICE_RATE_LIMIT, MAX_PAGE_SIZE } from '../../adapters/retail-pos/settings.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendInjectedFailure,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { type BrokenKind, generateHeadOffice } from './seed.ts';
import { PosStore, render } from './simulator-store.ts';

export type { InjectedFailure, SimulatorRequest } from '../kit/simulator-server.ts';

export interface RetailPosSimulatorOptions {
  port?: number;
  host?: string;
  /** The head office's API key (default: derived from the seed). */
  apiKey?: string;
  /** An API user for basic auth. Default kontor / pos-secret. */
  user?: { username: string; password: string };
  /** Generated customers. Default 200. */
  customers?: number;
  seed?: number;
  /** Share (0..1) of deliberately broken customers. Default 0.02. */
  brokenShare?: number;
  seedUntil?: Date;
  /** The head office's clock (modifiedAt of changes, tombstones). Default: real time. */
  clock?: () => Date;
  /** Requests per second before 429. Default 5; null = no limit. */
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface RetailPosSimulator {
  /** The head office API's base URL (what a channel is configured with). */
  url: string;
  apiKey: string;
  user: { username: string; password: string };
  store: PosStore;
  stores: readonly PosStoreRow[];
  broken: ReadonlyMap<string, BrokenKind>;
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FAILURE_CODES: Readonly<Record<number, string>> = { 429: 'RATE_LIMITED', 503: 'SERVICE_UNAVAILABLE' };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export async function startRetailPosSimulator(
  options: RetailPosSimulatorOptions = {},
): Promise<RetailPosSimulator> {
  const seed = options.seed ?? 1;
  const apiKey = options.apiKey ?? `pos-${(seed * 40503).toString(16)}-${'0'.repeat(6)}a1`;
  const user = options.user ?? { username: 'kontor', password: 'pos-secret' };
  const limit = options.requestsPerSecond === undefined ? HEAD_OFFICE_RATE_LIMIT : options.requestsPerSecond;
  const store = new PosStore(options.clock ?? (() => new Date()));
  const office = generateHeadOffice({
    customers: options.customers ?? 200,
    seed,
    brokenShare: options.brokenShare ?? 0.02,
    until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
  });
  store.load(office.customers, office.deleted);
  const basic = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  const rateHeaders: Record<string, string> = limit ? { 'x-ratelimit-limit': String(limit) } : {};

  function route(path: string, query: URLSearchParams): unknown {
    if (path === '/api/v1/info') {
      const info: PosInfo = {
        headOffice: { code: 'HO-01', name: 'Kontor Retail Demo' },
        apiVersion: '1.0',
        customers: store.size,
        stores: office.stores.length,
        rateLimit: { requestsPerSecond: limit ?? 0 },
      };
      return info;
    }
    if (path === '/api/v1/stores') return { stores: office.stores };
    if (path === '/api/v1/customers') return customersPage(store, query);
    throw new ApiError(404, 'NOT_FOUND', `No resource at ${path}.`);
  }

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    try {
      const authorization = request.headers.authorization;
      if (request.headers['x-api-key'] !== apiKey && authorization !== basic) {
        res.setHeader('www-authenticate', 'Basic realm="Retail POS head office"');
        throw new ApiError(401, 'UNAUTHORIZED', 'Missing or invalid credentials (X-Api-Key or basic auth).');
      }
      if (request.method !== 'GET') throw new ApiError(405, 'METHOD_NOT_ALLOWED', 'Only GET is supported.');
      return sendJson(
        res,
        200,
        route(request.url.pathname.replace(/\/+$/, ''), request.url.searchParams),
        rateHeaders,
      );
    } catch (error) {
      if (error instanceof ApiError)
        return sendJson(
          res,
          error.status,
          { errors: [{ code: error.code, message: error.message }] },
          rateHeaders,
        );
      throw error;
    }
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: limit,
    handle,
    renderFailure: (res, failure) =>
      sendInjectedFailure(res, failure, (status) => ({
        errors: [
          { code: FAILURE_CODES[status] ?? 'INTERNAL_ERROR', message: `Injected failure (HTTP ${status}).` },
        ],
      })),
    renderRateLimited: (res) =>
      sendJson(
        res,
        429,
        {
          errors: [{ code: 'RATE_LIMITED', message: `Rate limit of ${limit} requests per second exceeded.` }],
        },
        { 'retry-after': '1', ...rateHeaders },
      ),
  });
  return { ...server, apiKey, user, store, stores: office.stores, broken: office.broken };
}

/** GET /api/v1/customers: customers and tombstones by (change instant, customerId), keyset-paged. */
function customersPage(store: PosStore, query: URLSearchParams): PosCustomersResponse {
  const limit = Number(query.get('limit') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new ApiError(400, 'INVALID_PARAMETER', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const since = instant(query.get('modifiedSince'), 'modifiedSince');
  const afterAt = instant(query.get('afterModifiedAt'), 'afterModifiedAt');
  const afterId = query.get('afterCustomerId');
  if ((afterAt === null) !== (afterId === null))
    throw new ApiError(400, 'INVALID_PARAMETER', 'afterModifiedAt and afterCustomerId go together.');

  const idsText = query.get('ids');
  const ids = idsText === null ? null : new Set(idsText.split(',').filter((id) => id !== ''));
  if (ids !== null && ids.size > limit)
    throw new ApiError(400, 'INVALID_PARAMETER', `ids may name at most limit (${limit}) customers.`);
  const after = afterAt === null ? null : { time: afterAt, id: afterId as string };
  const page = store.feedPage({
    since,
    after,
    limit,
    ids,
  });
  const last = page.at(-1);
  return {
    customers: page.flatMap(({ value }) => ('stored' in value ? [render(value.stored)] : [])),
    deletedCustomers: page.flatMap(({ value }) => ('tombstone' in value ? [value.tombstone] : [])),
    next: last ? { modifiedAt: new Date(last.time).toISOString(), customerId: last.id } : null,
  };
}

function instant(value: string | null, name: string): number | null {
  if (value === null || value === '') return null;
  const time = Date.parse(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(time))
    throw new ApiError(
      400,
      'INVALID_PARAMETER',
      `${name} "${value}" is not an ISO 8601 date-time with an offset.`,
    );
  return time;
}
