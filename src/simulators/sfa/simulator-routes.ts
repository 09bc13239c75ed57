/**
 * The routes of the simulated SFA server: the OAuth 2.0 token endpoint (client credentials, JSON body,
 * tokens that expire) and the customer and customer id lists with keyset paging.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingSimulatorRequest } from '../kit/simulator-server.ts';
import { invalidToken, SfaApiError } from './simulator-errors.ts';
import type { SfaStore } from './simulator-store.ts';

export interface SfaRouteContext {
  store: SfaStore;
  clientId: string;
  clientSecret: string;
  clock: () => Date;
  tokenTtlSeconds: number;
  /** Issued tokens and when they expire (ms). */
  tokens: Map<string, number>;
  maxPageSize: number;
}

const DEFAULT_LIMIT = 100;
const ROUTES: Record<string, string> = {
  '/api/v1/oauth/token': 'POST',
  '/api/v1/customers': 'GET',
  '/api/v1/customers/ids': 'GET',
};

export function routeSfa(request: IncomingSimulatorRequest, context: SfaRouteContext): unknown {
  const path = request.url.pathname.replace(/\/+$/, '');
  const method = ROUTES[path];
  if (method === undefined) throw new SfaApiError(404, 'not_found', `There is no endpoint ${path}.`);
  if (request.method !== method)
    throw new SfaApiError(405, 'method_not_allowed', `${path} answers ${method} only.`);
  if (path === '/api/v1/oauth/token') return issueToken(request.rawBody, context);
  authorize(request, context);
  const params = request.url.searchParams;
  const limit = limitOf(params, context.maxPageSize);
  if (path === '/api/v1/customers/ids') {
    const ids = context.store.ids(params.get('afterId'), limit);
    return { data: ids.slice(0, limit), meta: { limit, hasMore: ids.length > limit } };
  }
  const since = params.get('modifiedSince');
  const afterAt = params.get('afterModifiedAt');
  const afterId = params.get('afterId');
  if ((afterAt === null) !== (afterId === null)) {
    throw new SfaApiError(400, 'invalid_request', 'afterModifiedAt and afterId go together.');
  }
  const idsText = params.get('ids');
  const ids = idsText === null ? null : new Set(idsText.split(',').filter((id) => id !== ''));
  if (ids !== null && ids.size > limit)
    throw new SfaApiError(400, 'invalid_request', `ids may name at most limit (${limit}) customers.`);
  const items = context.store.query({
    ids,
    from: since === null ? null : instant(since, 'modifiedSince'),
    after:
      afterAt === null || afterId === null ? null : { at: instant(afterAt, 'afterModifiedAt'), id: afterId },
    limit,
  });
  return { data: items.slice(0, limit), meta: { limit, hasMore: items.length > limit } };
}

function issueToken(rawBody: string, context: SfaRouteContext): unknown {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody || '{}') as Record<string, unknown>;
  } catch {
    throw new SfaApiError(400, 'invalid_request', 'The request body is not JSON.');
  }
  if (body.grant_type !== 'client_credentials') {
    throw new SfaApiError(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported.');
  }
  if (body.client_id !== context.clientId || body.client_secret !== context.clientSecret) {
    throw new SfaApiError(401, 'invalid_client', 'Client authentication failed.');
  }
  const token = randomBytes(24).toString('base64url');
  context.tokens.set(token, context.clock().getTime() + context.tokenTtlSeconds * 1000);
  return {
    access_token: token,
    token_type: 'Bearer',
    expires_in: context.tokenTtlSeconds,
    scope: 'customers:read',
  };
}

function authorize(request: IncomingSimulatorRequest, context: SfaRouteContext): void {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw invalidToken('The request has no access token.');
  const expiresAt = context.tokens.get(match[1] as string);
  if (expiresAt === undefined) throw invalidToken('The access token is not valid.');
  if (expiresAt <= context.clock().getTime()) throw invalidToken('The access token expired.');
}

function limitOf(params: URLSearchParams, max: number): number {
  const text = params.get('limit');
  const limit = text === null ? DEFAULT_LIMIT : Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new SfaApiError(400, 'invalid_request', `limit must be a whole number from 1 to ${max}.`);
  }
  return limit;
}

function instant(value: string, name: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? Date.parse(value)
    : Number.NaN;
  if (Number.isNaN(ms))
    throw new SfaApiError(400, 'invalid_request', `${name} must be an ISO 8601 date-time with offset.`);
  return ms;
}
