/**
 * The Magento REST calls the adapter makes, over the shared HTTP client: the customer search and the B2B
 * company lookup, with Magento's paths (/rest/<store code>/V1/...), bearer auth, advice in error
 * messages, and a check that answers have the shape Magento promises.
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import type { MagentoCompany, MagentoSearchResult } from './magento-types.ts';
import { type SearchCriteria, searchCriteriaQuery } from './search-criteria.ts';
import type { MagentoSettings } from './settings.ts';

/** HTTP options an adapter instance may set (tests: fast retries); auth, secrets and throttle come from the channel. */
export type MagentoHttpOptions = Omit<
  HttpClientOptions,
  'secrets' | 'headers' | 'requestsPerSecond' | 'hints'
>;

export interface MagentoApi {
  readonly host: string;
  searchCustomers(criteria: SearchCriteria, signal?: AbortSignal): Promise<MagentoSearchResult<unknown>>;
  /** The B2B company, or null when it does not exist (any more). */
  company(id: number, signal?: AbortSignal): Promise<MagentoCompany | null>;
}

const AUTH_HINT =
  'Check the token setting, that the integration may access Customers, and (Magento 2.4.4+) that Stores > ' +
  'Configuration > Services > OAuth > Consumer Settings allows access tokens as standalone bearer tokens.';
const NOT_FOUND_HINT =
  "Check that the URL is the shop's base URL (without /rest) and the store code setting.";

export function createMagentoApi(
  url: string,
  settings: MagentoSettings,
  http: MagentoHttpOptions = {},
): MagentoApi {
  const base = baseUrl(url);
  const client: HttpClient = createHttpClient({
    ...http,
    secrets: [settings.token],
    headers: { authorization: `Bearer ${settings.token}` },
    requestsPerSecond: settings.requestsPerSecond,
    hints: { auth: AUTH_HINT, notFound: NOT_FOUND_HINT },
  });
  const endpoint = (path: string): string => `${base}/rest/${settings.storeCode}/V1/${path}`;
  const host = hostOf(base);

  return {
    host,
    async searchCustomers(criteria, signal) {
      const response = await client.request({
        url: endpoint('customers/search'),
        query: searchCriteriaQuery(criteria),
        signal,
      });
      const body = response.body as Partial<MagentoSearchResult<unknown>> | null;
      if (!body || !Array.isArray(body.items) || typeof body.total_count !== 'number') {
        throw new BugError(
          'MAGENTO_UNEXPECTED_RESPONSE',
          `${host} answered the customer search with something that is not a Magento search result.`,
          {
            detail: `GET ${new URL(endpoint('customers/search')).pathname}: ${maskedExcerpt(body, [settings.token])}`,
          },
        );
      }
      return body as MagentoSearchResult<unknown>;
    },
    async company(id, signal) {
      const response = await client.request({ url: endpoint(`company/${id}`), signal, allowNotFound: true });
      if (response.status === 404) return null;
      const body = response.body as Partial<MagentoCompany> | null;
      return body && typeof body.id === 'number' ? (body as MagentoCompany) : null;
    },
  };
}

/** The shop's base URL without trailing slashes and without a /rest[/<store code>] the user may have added. */
export function baseUrl(url: string): string {
  return trimBaseUrl(url).replace(/\/rest(\/[A-Za-z0-9_]+)?(\/V1)?$/, '');
}
