/**
 * The Shopware 6 Admin API calls the adapter makes, over the shared HTTP client: OAuth 2 client
 * credentials (POST /api/oauth/token; the access token lives 10 minutes), the entity search
 * (POST /api/search/<entity>) and the id search (POST /api/search-ids/<entity>). The kit's token source
 * keeps the access token, renews it 30 s before it expires, and once more when the shop refuses it (a
 * 401: expired early, revoked, the shop's keys rotated). Requests ask for plain JSON
 * (Accept: application/json); without it Shopware answers in JSON:API.
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import type { HttpClientOptions } from '../http/http-client.ts';
import { clientCredentialsClient } from '../kit/index.ts';
import type { Criteria, IdSearchResult, SearchResult } from './criteria.ts';
import type { ShopwareSettings } from './settings.ts';

/** HTTP options an adapter instance may set (tests: fast retries, a clock); the rest comes from the channel. */
export type ShopwareHttpOptions = Omit<
  HttpClientOptions,
  'secrets' | 'headers' | 'requestsPerSecond' | 'hints'
>;

export interface ShopwareApi {
  readonly host: string;
  search<T>(entity: string, criteria: Criteria, signal?: AbortSignal): Promise<SearchResult<T>>;
  searchIds(entity: string, criteria: Criteria, signal?: AbortSignal): Promise<IdSearchResult>;
}

/** A token is renewed this long before Shopware says it expires (clock skew, slow requests). */
const EXPIRY_MARGIN_MS = 30_000;

const AUTH_HINT =
  'Check the settings clientId and clientSecret (the access key ID and secret access key of an integration, ' +
  'Settings > System > Integrations) and that the integration may read customers.';
const NOT_FOUND_HINT = "Check that the URL is the shop's base URL (without /api or /admin).";

export function createShopwareApi(
  url: string,
  settings: ShopwareSettings,
  http: ShopwareHttpOptions = {},
): ShopwareApi {
  const base = baseUrl(url);
  const host = hostOf(base);
  // Shopware's access token lives 10 minutes; it and the client secret are masked in every message.
  const { client, tokens, secrets } = clientCredentialsClient(settings, {
    tokenUrl: `${base}/api/oauth/token`,
    renewBeforeMs: EXPIRY_MARGIN_MS,
    now: http.now,
    http: { ...http, hints: { auth: AUTH_HINT, notFound: NOT_FOUND_HINT } },
    unexpected: (body, masked) =>
      unexpected(host, 'the token request', 'POST /api/oauth/token', body, masked),
  });

  /** POSTs criteria with the bearer token (a refused token is renewed once by the token source). */
  const post = (path: string, criteria: Criteria, signal: AbortSignal | undefined): Promise<unknown> =>
    tokens.withToken(async (headers) => {
      const response = await client.request({
        method: 'POST',
        url: `${base}${path}`,
        json: criteria,
        headers,
        signal,
      });
      return response.body;
    }, signal);

  return {
    host,
    async search<T>(entity: string, criteria: Criteria, signal?: AbortSignal) {
      const path = `/api/search/${entity}`;
      const body = (await post(path, criteria, signal)) as Partial<SearchResult<T>> | null;
      if (!body || !Array.isArray(body.data) || typeof body.total !== 'number') {
        throw unexpected(host, 'the search', `POST ${path}`, body, secrets);
      }
      if (body.data.some((item) => isJsonApiResource(item))) {
        throw new BugError(
          'SHOPWARE_UNEXPECTED_RESPONSE',
          `${host} answered in JSON:API although Kontor asked for plain JSON (Accept: application/json); a proxy may drop the Accept header.`,
        );
      }
      return body as SearchResult<T>;
    },
    async searchIds(entity, criteria, signal) {
      const path = `/api/search-ids/${entity}`;
      const body = (await post(path, criteria, signal)) as Partial<IdSearchResult> | null;
      if (!body || !Array.isArray(body.data) || typeof body.total !== 'number') {
        throw unexpected(host, 'the id search', `POST ${path}`, body, secrets);
      }
      return body as IdSearchResult;
    },
  };
}

/** The shop's base URL without trailing slashes and without an /api or /admin the user may have pasted. */
export function baseUrl(url: string): string {
  return trimBaseUrl(url).replace(/\/(api|admin)$/, '');
}

function isJsonApiResource(item: unknown): boolean {
  return typeof item === 'object' && item !== null && 'attributes' in item && 'type' in item;
}

function unexpected(
  host: string,
  what: string,
  request: string,
  body: unknown,
  secrets: readonly string[],
): BugError {
  return new BugError(
    'SHOPWARE_UNEXPECTED_RESPONSE',
    `${host} answered ${what} with something that is not a Shopware Admin API response.`,
    { detail: `${request}: ${maskedExcerpt(body, secrets)}` },
  );
}
