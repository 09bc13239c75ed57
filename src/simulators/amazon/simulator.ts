/**
 * An Amazon Selling Partner API simulator over node:http, for tests and the demo. One server plays both
 * Login with Amazon (POST /auth/o2/token) and the SP-API endpoint of a region:
 *   POST /tokens/2021-03-01/restrictedDataToken   createRestrictedDataToken (Tokens API)
 *   GET  /orders/v0/orders                         getOrders (Orders API v0, see simulator-orders.ts)
 *   GET  /sellers/v1/marketplaceParticipations     getMarketplaceParticipations (Sellers API)
 * with Amazon's tokens and their expiry, restricted data and roles, usage plans enforced as token buckets
 * (429 QuotaExceeded), the x-amzn-RateLimit-Limit and x-amzn-RequestId headers, and SP-API's error bodies
 * (403 for unknown paths, too). The seller's orders are generated (seed.ts); tests read and change them in
 * process through `store`, expire tokens, and inject failures.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { ORDERS_PATH, USAGE_PLANS, type UsagePlan } from '../../adapters/amazon/sp-api.ts';
import type { DataElement, RestrictedResource } from '../../adapters/amazon/sp-api-types.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { generateAmazonOrders, SEED_MARKETPLACE_IDS } from './seed.ts';
import { credentialsOf, grantsFor, type LwaCredentials, SimulatorAuth } from './simulator-auth.ts';
import { OrdersApiError, participations, SimulatedOrdersApi } from './simulator-orders.ts';
import { type SimulatedOperation, UsagePlanQuota } from './simulator-quota.ts';
import { AmazonOrderStore } from './simulator-store.ts';

export type { InjectedFailure, SimulatorRequest } from '../kit/simulator-server.ts';

export interface AmazonSimulatorOptions {
  port?: number;
  host?: string;
  /** Generated buyers. Default 200. */
  buyers?: number;
  /** Seed of the generated orders and of the credentials. Default 1. */
  seed?: number;
  /** The newest generated order; orders span the two years before. Default: the clock's now, less an hour. */
  seedUntil?: Date;
  /** Amazon's clock (token expiry, LastUpdateDate of changes, the two-minute rule). Default: real time. */
  clock?: () => Date;
  /** Marketplaces the seller sells in. Default: the generated ones (DE, FR, IT, ES, UK, NL, BE, PL, SE, TR). */
  marketplaces?: readonly string[];
  /** The application's credentials. Default: derived from the seed. */
  credentials?: LwaCredentials;
  /** Data elements the application has restricted roles for. Default: all. */
  roles?: readonly DataElement[];
  /** Lifetime of LWA access tokens. Default 3600 s. */
  accessTokenSeconds?: number;
  /** Usage plans other than Amazon's defaults (tests use high ones). */
  usagePlans?: Partial<Record<SimulatedOperation, UsagePlan>>;
  /** How far behind now getOrders' window must end. Default 120 000 ms, as Amazon; tests use 0. */
  processingDelayMs?: number;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface AmazonSimulator {
  /** The SP-API endpoint (what a channel is configured with). */
  url: string;
  /** The LWA token endpoint (the channel's tokenUrl). */
  tokenUrl: string;
  credentials: LwaCredentials;
  marketplaceIds: string[];
  store: AmazonOrderStore;
  requests: SimulatorRequest[];
  /** Every access and restricted data token issued so far expires now. */
  expireTokens(): void;
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

const DENIED = 'Access to requested resource is denied.';
const RESTRICTED_PATHS = [
  ORDERS_PATH,
  `${ORDERS_PATH}/{orderId}`,
  `${ORDERS_PATH}/{orderId}/buyerInfo`,
  `${ORDERS_PATH}/{orderId}/address`,
  `${ORDERS_PATH}/{orderId}/orderItems`,
  `${ORDERS_PATH}/{orderId}/orderItems/buyerInfo`,
];
const DATA_ELEMENTS: readonly DataElement[] = ['buyerInfo', 'shippingAddress', 'buyerTaxInformation'];

export async function startAmazonSimulator(options: AmazonSimulatorOptions = {}): Promise<AmazonSimulator> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const store = new AmazonOrderStore(clock);
  const until = options.seedUntil ?? new Date(Math.floor(clock().getTime() / 60_000) * 60_000 - 3_600_000);
  store.load(generateAmazonOrders({ buyers: options.buyers ?? 200, seed, until }));
  const marketplaceIds = [...(options.marketplaces ?? SEED_MARKETPLACE_IDS)];
  const credentials = options.credentials ?? credentialsOf(seed);
  const auth = new SimulatorAuth(credentials, {
    clock,
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
    roles: new Set(options.roles ?? DATA_ELEMENTS),
  });
  const quota = new UsagePlanQuota({ ...USAGE_PLANS, ...options.usagePlans });
  const orders = new SimulatedOrdersApi({
    store,
    marketplaces: new Set(marketplaceIds),
    processingDelayMs: options.processingDelayMs ?? 120_000,
  });

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    const { method, url, headers } = request;
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'POST' && path === '/auth/o2/token') {
      const { status, body } = auth.exchange(formOrJson(request.rawBody, headers));
      return sendJson(res, status, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
    }
    const operation = operationOf(method, path);
    const check = auth.check(headers['x-amz-access-token']);
    if (!operation) return spError(res, 403, 'Unauthorized', DENIED, check.ok ? '' : check.details);
    if (!check.ok) return spError(res, 403, 'Unauthorized', DENIED, check.details);
    const grants = grantsFor(check.token, path);
    // A restricted data token opens its restricted resources, nothing else.
    if (grants === null) return spError(res, 403, 'Unauthorized', DENIED, '');
    if (!quota.take(operation)) {
      return spError(res, 429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', '');
    }
    const limit = { 'x-amzn-RateLimit-Limit': String(quota.plan(operation).rate) };
    try {
      switch (operation) {
        case 'getOrders':
          return send(res, 200, orders.getOrders(url.searchParams, grants), limit);
        case 'getMarketplaceParticipations':
          return send(res, 200, { payload: participations(marketplaceIds) }, limit);
        case 'createRestrictedDataToken':
          return send(res, 200, restrictedDataToken(request.rawBody), limit);
        default:
          return spError(res, 403, 'Unauthorized', DENIED, '');
      }
    } catch (error) {
      if (error instanceof OrdersApiError) return send(res, error.status, error.body(), limit);
      throw error;
    }
  }

  function restrictedDataToken(rawBody: string): unknown {
    const body = parseJson(rawBody) as { restrictedResources?: unknown } | null;
    const resources = body?.restrictedResources;
    if (!Array.isArray(resources) || resources.length === 0 || resources.length > 50) {
      throw new OrdersApiError(
        400,
        'InvalidRequest',
        'Request is missing or has invalid parameters',
        'Resource not provided.',
      );
    }
    const requested: DataElement[] = [];
    for (const item of resources as Array<Partial<RestrictedResource>>) {
      const path = typeof item?.path === 'string' ? item.path.replace(/\/+$/, '') : '';
      const known = RESTRICTED_PATHS.some((pattern) => samePath(pattern, path));
      if (!['GET', 'PUT', 'POST', 'DELETE'].includes(String(item?.method)) || !known) {
        throw new OrdersApiError(
          400,
          'InvalidRequest',
          'Request is missing or has invalid parameters',
          'Resource not provided.',
        );
      }
      const elements = item.dataElements ?? [];
      if (
        !Array.isArray(elements) ||
        elements.some((element) => !DATA_ELEMENTS.includes(element as DataElement))
      ) {
        throw new OrdersApiError(400, 'InvalidInput', 'Invalid dataElements', '');
      }
      for (const element of elements) if (!requested.includes(element)) requested.push(element);
    }
    const missing = auth.missingRoles(requested);
    if (missing.length > 0) {
      throw new OrdersApiError(
        400,
        'InvalidInput',
        `Application does not have access to one or more requested data elements: [${missing.join(', ')}]`,
      );
    }
    return auth.issueRestrictedToken(resources as RestrictedResource[]);
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    handle,
    renderFailure: (res, failure) => {
      const status = failure.status ?? 503;
      if (failure.body !== undefined) {
        res.writeHead(status, { 'content-type': 'application/json', ...retryAfter(failure) });
        res.end(failure.body);
        return status;
      }
      const [code, message] =
        status === 429
          ? ['QuotaExceeded', 'You exceeded your quota for the requested resource.']
          : status >= 500 && status !== 503
            ? ['InternalFailure', 'We encountered an internal error. Please try again.']
            : ['ServiceUnavailable', 'Service is temporarily unavailable. Please try again.'];
      return spError(res, status, code, message, '', retryAfter(failure));
    },
    renderRateLimited: (res) =>
      spError(res, 429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', ''),
  });

  return {
    url: server.url,
    tokenUrl: `${server.url}/auth/o2/token`,
    credentials,
    marketplaceIds,
    store,
    requests: server.requests,
    expireTokens: () => auth.expireAll(),
    injectFailure: server.injectFailure,
    close: server.close,
  };
}

function operationOf(method: string, path: string): SimulatedOperation | null {
  if (method === 'GET' && path === ORDERS_PATH) return 'getOrders';
  if (method === 'GET' && path === '/sellers/v1/marketplaceParticipations')
    return 'getMarketplaceParticipations';
  if (method === 'POST' && path === '/tokens/2021-03-01/restrictedDataToken')
    return 'createRestrictedDataToken';
  return null;
}

function samePath(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return (
    a.length === b.length &&
    a.every((part, index) => part === b[index] || (/^\{.+\}$/.test(part) && b[index] !== ''))
  );
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): number {
  return sendJson(res, status, body, { 'x-amzn-RequestId': randomUUID(), ...headers });
}

function spError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  details: string,
  headers: Record<string, string> = {},
): number {
  return send(res, status, { errors: [{ code, message, details }] }, headers);
}

function retryAfter(failure: InjectedFailure): Record<string, string> {
  return failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
}

/** LWA takes form-encoded bodies (and JSON). */
function formOrJson(rawBody: string, headers: IncomingHttpHeaders): Record<string, string> {
  if (String(headers['content-type'] ?? '').includes('json')) {
    const parsed = parseJson(rawBody);
    if (parsed && typeof parsed === 'object') {
      return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [key, String(value)]),
      );
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(rawBody));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
