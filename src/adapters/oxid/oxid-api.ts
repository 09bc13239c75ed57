/**
 * The calls the OXID adapter makes to the Kontor connector module, over the shared HTTP client: the module's
 * front controller `index.php?cl=kontor_connector&fnc=<call>` of the shop, the API key in X-Kontor-Api-Key
 * (Apache with PHP-FPM drops Authorization headers unless configured to pass them), the EE sub-shop in `shp`,
 * and a check that answers have the protocol's shape.
 */
import { BugError, ConfigError, KontorError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf } from '../channel-url.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import type { QueryValue } from '../http/query-string.ts';
import type { OxidCountriesResponse, OxidInfo, OxidUsersResponse } from './oxid-types.ts';
import type { OxidSettings } from './settings.ts';

/** HTTP options an adapter instance may set (tests: fast retries); auth, secrets and throttle come from the channel. */
export type OxidHttpOptions = Omit<HttpClientOptions, 'secrets' | 'headers' | 'requestsPerSecond' | 'hints'>;

export interface UsersQuery {
  /** ISO 8601 instant: users and deletions changed at or after it. */
  changedSince?: string;
  /** Only these users (OXUSERNAME, case-insensitive). */
  emails?: readonly string[];
  /** Only these users (OXID, exact; at most 100). */
  ids?: readonly string[];
  after?: string;
  limit: number;
}

export interface OxidApi {
  readonly host: string;
  info(signal?: AbortSignal): Promise<OxidInfo>;
  countries(signal?: AbortSignal): Promise<OxidCountriesResponse>;
  users(query: UsersQuery, signal?: AbortSignal): Promise<OxidUsersResponse>;
}

export const CONTROLLER = 'kontor_connector';
export const API_KEY_HEADER = 'x-kontor-api-key';

const AUTH_HINT =
  "Check the apiKey setting against the Kontor connector module's settings in the OXID admin.";
const MODULE_HINT =
  "Check that the URL is the shop's base URL and that the Kontor connector module is installed and active " +
  '(OXID answers requests for an unknown controller with its start page).';

export function createOxidApi(url: string, settings: OxidSettings, http: OxidHttpOptions = {}): OxidApi {
  const endpoint = `${shopBaseUrl(url)}/index.php`;
  const host = hostOf(endpoint);
  const client: HttpClient = createHttpClient({
    ...http,
    secrets: [settings.apiKey],
    headers: { [API_KEY_HEADER]: settings.apiKey },
    requestsPerSecond: settings.requestsPerSecond,
    hints: { auth: AUTH_HINT, notFound: MODULE_HINT },
  });

  async function call(fnc: string, params: Record<string, QueryValue>, signal?: AbortSignal) {
    try {
      const response = await client.request({
        url: endpoint,
        query: { cl: CONTROLLER, fnc, shp: settings.shopId, ...params },
        signal,
      });
      return response.body;
    } catch (error) {
      // A 2xx that is not JSON: the shop's start page after OXID's redirect for an unknown controller.
      if (error instanceof KontorError && error.code === 'CHANNEL_BAD_RESPONSE') {
        throw new ConfigError(
          'OXID_CONNECTOR_MISSING',
          `${host} answered with a web page instead of the Kontor connector. ${MODULE_HINT}`,
          { detail: error.detail, cause: error },
        );
      }
      throw error;
    }
  }

  function unexpected(fnc: string, body: unknown): BugError {
    return new BugError(
      'OXID_UNEXPECTED_RESPONSE',
      `${host} answered the connector call "${fnc}" with something that is not the Kontor connector protocol.`,
      { detail: maskedExcerpt(body, [settings.apiKey]) },
    );
  }

  return {
    host,
    async info(signal) {
      const body = (await call('info', {}, signal)) as Partial<OxidInfo> | null;
      if (!body || typeof body.timeZone !== 'string' || typeof body.users !== 'number')
        throw unexpected('info', body);
      return body as OxidInfo;
    },
    async countries(signal) {
      const body = (await call('countries', {}, signal)) as Partial<OxidCountriesResponse> | null;
      if (!body || !Array.isArray(body.countries)) throw unexpected('countries', body);
      return body as OxidCountriesResponse;
    },
    async users(query, signal) {
      const body = (await call(
        'users',
        {
          limit: query.limit,
          changedSince: query.changedSince,
          after: query.after,
          emails: query.emails ? [...query.emails] : undefined,
          ids: query.ids ? [...query.ids] : undefined,
        },
        signal,
      )) as Partial<OxidUsersResponse> | null;
      if (
        !body ||
        typeof body.timeZone !== 'string' ||
        !Array.isArray(body.users) ||
        !Array.isArray(body.deleted) ||
        (body.next !== null && typeof body.next !== 'string')
      ) {
        throw unexpected('users', body);
      }
      return body as OxidUsersResponse;
    },
  };
}

/** The shop's base URL without trailing slashes and without an /index.php (and query) the user may have pasted. */
export function shopBaseUrl(url: string): string {
  return url
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\/index\.php$/, '');
}
