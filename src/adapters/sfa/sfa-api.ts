/**
 * The SFA server calls the adapter makes, over the shared HTTP client: the OAuth 2.0 client-credentials
 * token (kept until shortly before it expires, fetched again once when the server refuses it), the
 * customer list and the customer id list.
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import type { HttpClientOptions } from '../http/http-client.ts';
import { clientCredentialsClient } from '../kit/index.ts';
import type { SfaSettings } from './settings.ts';
import type { SfaListResponse } from './sfa-types.ts';

export type SfaHttpOptions = Omit<HttpClientOptions, 'secrets' | 'headers' | 'requestsPerSecond' | 'hints'>;

export interface CustomerQuery {
  modifiedSince: string | null;
  after: { modifiedAt: string; id: string } | null;
  limit: number;
  /** Only these customer ids (at most `limit`). */
  ids?: readonly string[];
}

export interface SfaApi {
  readonly host: string;
  customers(query: CustomerQuery, signal?: AbortSignal): Promise<SfaListResponse<unknown>>;
  customerIds(afterId: string | null, limit: number, signal?: AbortSignal): Promise<SfaListResponse<unknown>>;
}

const AUTH_HINT =
  'Check the settings clientId and clientSecret against the API client in SFA (Integrations > API clients) ' +
  'and that the client has the scope customers:read.';
const NOT_FOUND_HINT = "Check that the URL is the SFA server's address (without /api).";
/** A token is fetched again this long before it expires. */
const RENEW_BEFORE_MS = 60_000;

export function createSfaApi(
  url: string,
  settings: SfaSettings,
  http: SfaHttpOptions = {},
  now: () => number = Date.now,
): SfaApi {
  const base = trimBaseUrl(url).replace(/\/api(\/v1)?$/, '');
  const host = hostOf(base);
  // The client secret and every access token are masked in every message.
  const { client, tokens, secrets } = clientCredentialsClient(settings, {
    http: { ...http, hints: { auth: AUTH_HINT, notFound: NOT_FOUND_HINT } },
    tokenUrl: `${base}/api/v1/oauth/token`,
    renewBeforeMs: RENEW_BEFORE_MS,
    now,
    unexpected: () =>
      new BugError('SFA_UNEXPECTED_RESPONSE', `${host} answered the token request without an access token.`),
  });

  /** GET with the bearer token; a refused token (expired early, revoked) is fetched again once. */
  const get = async (path: string, query: Record<string, string>, signal: AbortSignal | undefined) =>
    (
      await tokens.withToken(
        (headers) => client.request({ url: `${base}${path}`, query, headers, signal }),
        signal,
      )
    ).body;

  function list(body: unknown, what: string, path: string): SfaListResponse<unknown> {
    const page = body as Partial<SfaListResponse<unknown>> | null;
    if (!page || !Array.isArray(page.data) || typeof page.meta?.hasMore !== 'boolean') {
      throw new BugError(
        'SFA_UNEXPECTED_RESPONSE',
        `${host} answered the ${what} with something that is not an SFA list.`,
        {
          detail: `GET ${path}: ${maskedExcerpt(body, secrets)}`,
        },
      );
    }
    return page as SfaListResponse<unknown>;
  }

  return {
    host,
    async customers(query, signal) {
      const params: Record<string, string> = { limit: String(query.limit) };
      if (query.modifiedSince !== null) params.modifiedSince = query.modifiedSince;
      if (query.ids !== undefined) params.ids = query.ids.join(',');
      if (query.after !== null) {
        params.afterModifiedAt = query.after.modifiedAt;
        params.afterId = query.after.id;
      }
      const path = '/api/v1/customers';
      return list(await get(path, params, signal), 'customer list', path);
    },
    async customerIds(afterId, limit, signal) {
      const params: Record<string, string> = { limit: String(limit) };
      if (afterId !== null) params.afterId = afterId;
      const path = '/api/v1/customers/ids';
      return list(await get(path, params, signal), 'customer id list', path);
    },
  };
}
