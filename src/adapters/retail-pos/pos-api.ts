/**
 * The calls the Retail POS adapter makes to the head office API, over the shared HTTP client: its paths
 * under /api/v1, the API key (X-Api-Key) or basic auth, the client-side throttle below the head office's
 * rate limit, and a check that answers have the protocol's shape.
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import type { PosCustomersResponse, PosInfo, PosPosition } from './pos-types.ts';
import type { PosSettings } from './settings.ts';

export type PosHttpOptions = Omit<HttpClientOptions, 'secrets' | 'headers' | 'requestsPerSecond' | 'hints'>;

export interface CustomersQuery {
  limit: number;
  /** ISO 8601 instant: customers and deletions changed at or after it. */
  modifiedSince?: string;
  after?: PosPosition;
  /** Only the entries of these customer ids (at most `limit`). */
  ids?: readonly string[];
}

export interface PosApi {
  readonly host: string;
  info(signal?: AbortSignal): Promise<PosInfo>;
  customers(query: CustomersQuery, signal?: AbortSignal): Promise<PosCustomersResponse>;
}

const AUTH_HINT =
  'Check the apiKey setting (or username and password) against the API keys and users of the head office.';
const NOT_FOUND_HINT = "Check that the URL is the head office API's base URL (without /api/v1).";

export function createPosApi(url: string, settings: PosSettings, http: PosHttpOptions = {}): PosApi {
  const base = `${headOfficeBaseUrl(url)}/api/v1`;
  const host = hostOf(base);
  const { auth } = settings;
  const secrets =
    auth.kind === 'api-key' ? [auth.apiKey] : [auth.password, basic(auth.username, auth.password)];
  const client: HttpClient = createHttpClient({
    ...http,
    secrets,
    headers:
      auth.kind === 'api-key'
        ? { 'x-api-key': auth.apiKey }
        : { authorization: `Basic ${basic(auth.username, auth.password)}` },
    requestsPerSecond: settings.requestsPerSecond,
    hints: { auth: AUTH_HINT, notFound: NOT_FOUND_HINT },
  });

  function unexpected(path: string, body: unknown): BugError {
    return new BugError(
      'RETAIL_POS_UNEXPECTED_RESPONSE',
      `${host} answered ${path} with something that is not the Kontor Retail POS protocol.`,
      { detail: maskedExcerpt(body, secrets) },
    );
  }

  return {
    host,
    async info(signal) {
      const { body } = await client.request({ url: `${base}/info`, signal });
      const info = body as Partial<PosInfo> | null;
      if (!info || typeof info.customers !== 'number' || typeof info.headOffice?.name !== 'string')
        throw unexpected('/info', body);
      return info as PosInfo;
    },
    async customers(query, signal) {
      const { body } = await client.request({
        url: `${base}/customers`,
        query: {
          limit: query.limit,
          modifiedSince: query.modifiedSince,
          afterModifiedAt: query.after?.modifiedAt,
          afterCustomerId: query.after?.customerId,
          ids: query.ids?.join(','),
        },
        signal,
      });
      const page = body as Partial<PosCustomersResponse> | null;
      if (
        !page ||
        !Array.isArray(page.customers) ||
        !Array.isArray(page.deletedCustomers) ||
        (page.next !== null &&
          (typeof page.next?.modifiedAt !== 'string' || typeof page.next?.customerId !== 'string'))
      ) {
        throw unexpected('/customers', body);
      }
      return page as PosCustomersResponse;
    },
  };
}

/** The head office's base URL without trailing slashes and without an /api or /api/v1 the user may have pasted. */
export function headOfficeBaseUrl(url: string): string {
  return trimBaseUrl(url).replace(/\/api(\/v1)?$/, '');
}

function basic(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
