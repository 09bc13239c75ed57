/**
 * The routes of the simulated webshop's ERP interface: the protocol handshake and the customer change list,
 * with protocol 17's order of checks: route, protocol version, signature, B2B mode, parameters.
 */

import { signatureMatches } from '../../adapters/webshop/signature.ts';
import { webshopTimeOrder } from '../../adapters/webshop/webshop-dates.ts';
import type { WebshopProtocolInfo } from '../../adapters/webshop/webshop-types.ts';
import type { IncomingSimulatorRequest } from '../kit/simulator-server.ts';
import { WebshopApiError } from './simulator-errors.ts';
import type { WebshopStore } from './simulator-store.ts';

export interface WebshopRouteContext {
  store: WebshopStore;
  info: WebshopProtocolInfo;
  shopName: string;
  apiKey: string;
  clock: () => Date;
  /** Requests whose timestamp is further off the webshop's clock are refused; null = no check. */
  maxClockSkewSeconds: number | null;
  maxPageSize: number;
}

const DEFAULT_LIMIT = 100;

export function routeWebshop(request: IncomingSimulatorRequest, context: WebshopRouteContext): unknown {
  const { method, url } = request;
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/api/erp/protocol' || path === '/api/erp/customers') {
    if (method !== 'GET')
      throw new WebshopApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}.`);
  } else {
    throw new WebshopApiError(404, 'NOT_FOUND', `No ERP interface at ${path}.`);
  }
  if (path === '/api/erp/protocol') return context.info;

  checkProtocol(request, context.info.protocols);
  authenticate(request, context);
  if (!context.info.b2b) {
    throw new WebshopApiError(
      409,
      'B2B_DISABLED',
      'This webshop does not sell to businesses (B2B is off); protocol 17 exports business customers only.',
    );
  }
  return listCustomers(url.searchParams, context);
}

function checkProtocol(request: IncomingSimulatorRequest, spoken: readonly number[]): void {
  const header = header1(request, 'x-webshop-protocol');
  if (header === null) {
    throw new WebshopApiError(
      400,
      'PROTOCOL_VERSION_MISSING',
      'The request has no X-Webshop-Protocol header.',
      {
        supportedProtocols: [...spoken],
      },
    );
  }
  if (!spoken.includes(Number(header))) {
    throw new WebshopApiError(
      400,
      'PROTOCOL_VERSION_UNSUPPORTED',
      `Protocol version mismatch: the client speaks protocol ${header}, this webshop speaks ${spoken.join(', ')}.`,
      { supportedProtocols: [...spoken] },
    );
  }
}

function authenticate(request: IncomingSimulatorRequest, context: WebshopRouteContext): void {
  const shop = header1(request, 'x-webshop-shop');
  const timestamp = header1(request, 'x-webshop-timestamp');
  const signature = header1(request, 'x-webshop-signature');
  if (shop === null || timestamp === null || signature === null) {
    throw new WebshopApiError(
      401,
      'SIGNATURE_MISSING',
      'The request is not signed (X-Webshop-Shop, -Timestamp, -Signature).',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebshopApiError(401, 'TIMESTAMP_INVALID', 'X-Webshop-Timestamp must be Unix time in seconds.');
  }
  const skew = Math.abs(context.clock().getTime() / 1000 - Number(timestamp));
  if (context.maxClockSkewSeconds !== null && skew > context.maxClockSkewSeconds) {
    throw new WebshopApiError(
      401,
      'TIMESTAMP_SKEW',
      `The request timestamp is ${Math.round(skew)} seconds off the webshop's clock (at most ${context.maxClockSkewSeconds} allowed).`,
    );
  }
  const parts = {
    method: request.method,
    path: request.url.pathname,
    query: [...request.url.searchParams.entries()],
    timestamp,
    protocol: header1(request, 'x-webshop-protocol') ?? '',
    shop,
  };
  // One answer for an unknown shop and a wrong key: the webshop does not tell which.
  if (shop !== context.shopName || !signatureMatches(context.apiKey, parts, signature)) {
    throw new WebshopApiError(401, 'SIGNATURE_INVALID', 'The request signature is not valid for this shop.');
  }
}

function listCustomers(params: URLSearchParams, context: WebshopRouteContext): unknown {
  const limitText = params.get('limit');
  const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > context.maxPageSize) {
    throw invalidParameter('limit', `a whole number from 1 to ${context.maxPageSize}`);
  }
  const from = params.get('modifiedFrom');
  const fromMs = from === null ? null : instant(from, 'modifiedFrom');
  const afterAt = params.get('afterModifiedAt');
  const afterId = params.get('afterId');
  if ((afterAt === null) !== (afterId === null)) {
    throw new WebshopApiError(400, 'INVALID_PARAMETER', 'afterModifiedAt and afterId go together.');
  }
  let after: { at: number; id: number } | null = null;
  if (afterAt !== null && afterId !== null) {
    if (!/^\d+$/.test(afterId)) throw invalidParameter('afterId', 'a customer id');
    after = { at: instant(afterAt, 'afterModifiedAt'), id: Number(afterId) };
  }
  const idsText = params.get('ids');
  let ids: Set<number> | null = null;
  if (idsText !== null) {
    const list = idsText.split(',');
    if (list.some((id) => !/^\d+$/.test(id)))
      throw invalidParameter('ids', 'customer ids separated by commas');
    ids = new Set(list.map(Number));
    if (ids.size > limit) throw invalidParameter('ids', `at most limit (${limit}) customer ids`);
  }
  const items = context.store.query({ from: fromMs, after, limit, ids });
  return { protocol: 17, items: items.slice(0, limit), hasMore: items.length > limit };
}

function instant(value: string, name: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? webshopTimeOrder(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalidParameter(name, 'an ISO 8601 date-time');
  return ms;
}

const invalidParameter = (name: string, expected: string): WebshopApiError =>
  new WebshopApiError(400, 'INVALID_PARAMETER', `The parameter "${name}" must be ${expected}.`);

function header1(request: IncomingSimulatorRequest, name: string): string | null {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? null : first.trim();
}
