/**
 * A simulated Comarch ERP Integration BUS speaking Kontor's IBUS protocol v1 (docs/protocols/ibus.md), for
 * tests and the demo: token auth with expiry, the keyset-paged customer feed with tombstones, the bus
 * info, the protocol's error bodies and its rate limit (10 requests per second per client, 429 with
 * Retry-After). Customers entered on Comarch Mobile devices wait there until `store.sync()` (or
 * POST /simulator/sync) synchronizes them, as on a real bus.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { isoInstant } from '../../adapters/date-times.ts';
import type { IbusFeedEntry } from '../../adapters/ibus/ibus-types.ts';
import { MAX_PAGE_SIZE } from '../../adapters/ibus/settings.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendInjectedFailure,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { type IbusSeed, seedIbus } from './seed.ts';
import { IbusAuth, type IbusCredentials, seededCredentials } from './simulator-auth.ts';
import { IbusStore } from './simulator-store.ts';

export interface IbusSimulatorOptions {
  port?: number;
  host?: string;
  /** Synchronized customers. Default 200. */
  customers?: number;
  /** Customers entered on devices and not synchronized yet. Default 3. */
  pending?: number;
  seed?: number;
  /** Share (0..1) of deliberately broken customers. Default 0.02. */
  brokenShare?: number;
  /** The ERP company's country (sales tax classification). Default DE. */
  homeCountry?: string;
  seedUntil?: Date;
  /** The bus's clock (changedAt of syncs and changes, token expiry). Default: real time. */
  clock?: () => Date;
  credentials?: Partial<IbusCredentials>;
  /** Token lifetime. Default 3600 s. */
  tokenTtlSeconds?: number;
  /** The protocol's rate limit; null switches it off. Default 10. */
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface IbusSimulator extends IbusCredentials {
  url: string;
  store: IbusStore;
  seed: IbusSeed;
  auth: IbusAuth;
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

export const IBUS_BUS_VERSION = '2025.1';

class IbusHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startIbusSimulator(options: IbusSimulatorOptions = {}): Promise<IbusSimulator> {
  const seedNumber = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const seed = seedIbus({
    customers: options.customers ?? 200,
    pending: options.pending ?? 3,
    seed: seedNumber,
    brokenShare: options.brokenShare ?? 0.02,
    homeCountry: options.homeCountry ?? 'DE',
    until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
  });
  const store = new IbusStore(clock);
  store.load(seed);
  const credentials = { ...seededCredentials(seedNumber), ...options.credentials };
  const auth = new IbusAuth(credentials, options.tokenTtlSeconds ?? 3600, clock);

  function route(request: IncomingSimulatorRequest): { status: number; body: unknown } {
    const { method, url } = request;
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'POST' && path === '/api/v1/auth/token') {
      const issued = auth.issue(parseJson(request.rawBody));
      if (!issued)
        throw new IbusHttpError(401, 'INVALID_CREDENTIALS', 'Client or user credentials are not valid.');
      return { status: 200, body: { ...issued, tokenType: 'Bearer' } };
    }
    if (method === 'POST' && path === '/simulator/sync')
      return { status: 200, body: { synchronized: store.sync() } };
    const known = path === '/api/v1/info' || path === '/api/v1/customers';
    if (!known || method !== 'GET')
      throw new IbusHttpError(404, 'NOT_FOUND', `No resource ${method} ${path}.`);
    const token = auth.check(request.headers.authorization);
    if (token === 'expired') throw new IbusHttpError(401, 'TOKEN_EXPIRED', 'The access token has expired.');
    if (token !== 'ok') throw new IbusHttpError(401, 'UNAUTHORIZED', 'A valid bearer token is required.');
    if (path === '/api/v1/info')
      return { status: 200, body: { busVersion: IBUS_BUS_VERSION, protocol: 1, customers: store.size } };
    return { status: 200, body: feedPage(store, url.searchParams) };
  }

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    try {
      const { status, body } = route(request);
      return sendJson(res, status, body);
    } catch (error) {
      if (error instanceof IbusHttpError) return sendError(res, error.status, error.code, error.message);
      return sendError(res, 500, 'INTERNAL', 'Internal error.');
    }
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: options.requestsPerSecond === undefined ? 10 : options.requestsPerSecond,
    handle,
    renderFailure: (res, failure) =>
      sendInjectedFailure(res, failure, (status) => ({
        code: status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'UNAVAILABLE' : 'INJECTED',
        message: `Injected failure (HTTP ${status}).`,
        requestId: randomUUID(),
      })),
    renderRateLimited: (res) =>
      sendError(res, 429, 'RATE_LIMITED', 'Too many requests: at most 10 per second per client.', {
        'retry-after': '1',
      }),
  });
  return { ...server, ...credentials, store, seed, auth };
}

/** GET /api/v1/customers: the entries after the keyset, from changedSince on, at most `limit`. */
function feedPage(store: IbusStore, params: URLSearchParams): { items: IbusFeedEntry[]; hasMore: boolean } {
  const limitText = params.get('limit') ?? '100';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new IbusHttpError(
      400,
      'INVALID_PARAMETER',
      `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, not "${limitText}".`,
    );
  const since = instantParam(params, 'changedSince');
  const afterChangedAt = instantParam(params, 'afterChangedAt');
  const afterId = params.get('afterId');
  if ((afterChangedAt === null) !== (afterId === null))
    throw new IbusHttpError(400, 'INVALID_PARAMETER', 'afterChangedAt and afterId go together.');
  const idsText = params.get('ids');
  const ids = idsText === null ? null : new Set(idsText.split(',').filter((id) => id !== ''));
  if (ids !== null && ids.size > limit)
    throw new IbusHttpError(400, 'INVALID_PARAMETER', `ids may name at most limit (${limit}) customers.`);
  const after = afterChangedAt === null ? null : { time: afterChangedAt, id: afterId as string };
  const selected = store.feedPage(since, after, limit + 1, ids);
  return { items: structuredClone(selected.slice(0, limit)), hasMore: selected.length > limit };
}

function instantParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  if (value === null) return null;
  const iso = isoInstant(value);
  if (iso === null)
    throw new IbusHttpError(
      400,
      'INVALID_PARAMETER',
      `${name} must be an ISO 8601 instant with a zone, not "${value}".`,
    );
  return iso;
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): number {
  return sendJson(res, status, { code, message, requestId: randomUUID() }, headers);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
