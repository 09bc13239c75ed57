/**
 * The protocol 17 calls the adapter makes, over the shared HTTP client: the protocol handshake and the
 * customer change list, every request signed (signature.ts) and stamped with the protocol version.
 */
import { BugError, ConfigError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import type { WebshopSettings } from './settings.ts';
import { sign } from './signature.ts';
import { WEBSHOP_PROTOCOL, type WebshopCustomerPage, type WebshopProtocolInfo } from './webshop-types.ts';

/** HTTP options an adapter instance may set (tests: fast retries); auth, secrets and throttle come from the channel. */
export type WebshopHttpOptions = Omit<
  HttpClientOptions,
  'secrets' | 'headers' | 'requestsPerSecond' | 'hints'
>;

export interface CustomerQuery {
  /** ISO 8601: only changes at or after this instant. */
  modifiedFrom: string | null;
  /** Keyset: only changes after (afterModifiedAt, afterId). */
  after: { modifiedAt: string; id: string } | null;
  limit: number;
  /** Only these customer ids (at most `limit`). */
  ids?: readonly string[];
}

export interface WebshopApi {
  readonly host: string;
  /** GET /api/erp/protocol; throws WEBSHOP_PROTOCOL_MISMATCH unless the webshop speaks protocol 17 with B2B on. */
  handshake(signal?: AbortSignal): Promise<WebshopProtocolInfo>;
  customers(query: CustomerQuery, signal?: AbortSignal): Promise<WebshopCustomerPage>;
}

const AUTH_HINT =
  'Check the settings shopName and apiKey against the synchronization data of the webshop (My Profile > My Shops), ' +
  "and that this server's clock is right (the webshop refuses requests more than 5 minutes off).";
const NOT_FOUND_HINT = "Check that the URL is the webshop's address (without /api).";

export function createWebshopApi(
  url: string,
  settings: WebshopSettings,
  http: WebshopHttpOptions = {},
  now: () => number = Date.now,
): WebshopApi {
  const base = trimBaseUrl(url).replace(/\/api(\/erp)?$/, '');
  const host = hostOf(base);
  const client: HttpClient = createHttpClient({
    ...http,
    secrets: [settings.apiKey],
    requestsPerSecond: settings.requestsPerSecond,
    hints: { auth: AUTH_HINT, notFound: NOT_FOUND_HINT },
  });

  const signedHeaders = (path: string, query: Record<string, string>): Record<string, string> => {
    const timestamp = String(Math.floor(now() / 1000));
    const protocol = String(WEBSHOP_PROTOCOL);
    const signature = sign(settings.apiKey, {
      method: 'GET',
      path,
      query: Object.entries(query),
      timestamp,
      protocol,
      shop: settings.shopName,
    });
    return {
      'x-webshop-protocol': protocol,
      'x-webshop-shop': settings.shopName,
      'x-webshop-timestamp': timestamp,
      'x-webshop-signature': signature,
    };
  };

  return {
    host,
    async handshake(signal) {
      const response = await client.request({ url: `${base}/api/erp/protocol`, signal });
      const info = response.body as Partial<WebshopProtocolInfo> | null;
      if (!info || !Array.isArray(info.protocols)) {
        throw new BugError(
          'WEBSHOP_UNEXPECTED_RESPONSE',
          `${host} answered the protocol handshake with something that is not protocol information.`,
        );
      }
      if (!info.protocols.includes(WEBSHOP_PROTOCOL)) {
        const spoken = info.protocols.length > 0 ? info.protocols.join(', ') : 'none';
        throw new ConfigError(
          'WEBSHOP_PROTOCOL_MISMATCH',
          `Protocol version mismatch: the webshop at ${host} (${info.product ?? 'Comarch Webshop'} ${info.version ?? ''}`.trimEnd() +
            `) speaks protocol ${spoken}; Kontor's Comarch ERP Webshop adapter speaks protocol ${WEBSHOP_PROTOCOL} ` +
            '(Comarch Webshop 2024.3 or later). Update the webshop before importing customers.',
        );
      }
      if (info.b2b === false) {
        throw new ConfigError(
          'WEBSHOP_B2B_OFF',
          `The webshop at ${host} does not sell to businesses (B2B is off); protocol ${WEBSHOP_PROTOCOL} exports business customers only.`,
        );
      }
      return info as WebshopProtocolInfo;
    },
    async customers(query, signal) {
      const path = '/api/erp/customers';
      const params: Record<string, string> = { limit: String(query.limit) };
      if (query.modifiedFrom !== null) params.modifiedFrom = query.modifiedFrom;
      if (query.ids !== undefined) params.ids = query.ids.join(',');
      if (query.after !== null) {
        params.afterModifiedAt = query.after.modifiedAt;
        params.afterId = query.after.id;
      }
      const response = await client.request({
        url: `${base}${path}`,
        query: params,
        headers: signedHeaders(path, params),
        signal,
      });
      const body = response.body as Partial<WebshopCustomerPage> | null;
      if (!body || !Array.isArray(body.items) || typeof body.hasMore !== 'boolean') {
        throw new BugError(
          'WEBSHOP_UNEXPECTED_RESPONSE',
          `${host} answered the customer list with something that is not a protocol ${WEBSHOP_PROTOCOL} customer page.`,
          { detail: `GET ${path}: ${maskedExcerpt(body, [settings.apiKey])}` },
        );
      }
      return body as WebshopCustomerPage;
    },
  };
}
