/**
 * The IBUS protocol calls over the shared HTTP client: a bearer token from POST /api/v1/auth/token (the
 * kit's token source keeps it until 30 s before it expires and fetches it again once when the bus refuses
 * it), the customer feed and the bus info. Answers are checked for the shape the protocol promises.
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import { createTokenSource } from '../kit/index.ts';
import type { IbusFeedPage, IbusInfo, IbusTokenResponse } from './ibus-types.ts';
import type { IbusCredentials, IbusSettings } from './settings.ts';

export type IbusHttpOptions = Omit<HttpClientOptions, 'secrets' | 'headers' | 'requestsPerSecond' | 'hints'>;

export interface FeedQuery {
  changedSince: string | null;
  after: { changedAt: string; id: string } | null;
  limit: number;
  /** Only the entries of these customer ids (at most `limit`). */
  ids?: readonly string[];
}

export interface IbusApi {
  readonly host: string;
  info(signal?: AbortSignal): Promise<IbusInfo>;
  feed(query: FeedQuery, signal?: AbortSignal): Promise<IbusFeedPage>;
}

/** What to check when the bus refuses the credentials, or the URL leads nowhere. */
const HINTS: HttpClientOptions['hints'] = {
  auth: 'Check the settings clientId, clientSecret, username and password against the IBUS customizing of the ERP.',
  notFound: "Check that the URL is the bus's base URL (without /api/v1).",
};
const THROTTLE_MARGIN = 0.9;
/** A token is fetched again this long before it expires. */
const RENEW_BEFORE_MS = 30_000;

export function createIbusApi(url: string, settings: IbusSettings, http: IbusHttpOptions = {}): IbusApi {
  const base = trimBaseUrl(url).replace(/\/api(\/v1)?$/, '');
  const host = hostOf(base);
  // The client redacts every value in this list from messages; the access token joins it once issued.
  const secrets: string[] = [settings.clientSecret, settings.password];
  const client: HttpClient = createHttpClient({
    ...http,
    secrets,
    // 10% below the limit: requests spaced exactly at the limit can meet in the bus's one-second window.
    requestsPerSecond: settings.requestsPerSecond * THROTTLE_MARGIN,
    hints: HINTS,
  });
  const tokens = createTokenSource({
    async fetchToken(signal) {
      const response = await client.request({
        method: 'POST',
        url: `${base}/api/v1/auth/token`,
        json: credentialsOf(settings),
        signal,
      });
      const body = response.body as Partial<IbusTokenResponse> | null;
      if (typeof body?.accessToken !== 'string' || typeof body.expiresIn !== 'number')
        throw unexpected(host, 'the token request', null, secrets);
      return { value: body.accessToken, expiresInSeconds: body.expiresIn };
    },
    renewBeforeMs: RENEW_BEFORE_MS,
    now: http.now,
    // Every token issued joins the secrets the client redacts from messages.
    onToken: (value) => secrets.push(value),
  });

  /** GET with the bearer token; a refused token (expired early, revoked) is fetched again once. */
  const get = (path: string, query: Record<string, string | number | null>, signal?: AbortSignal) =>
    tokens.withToken((headers) => client.request({ url: `${base}${path}`, query, headers, signal }), signal);

  return {
    host,
    async info(signal) {
      const { body } = await get('/api/v1/info', {}, signal);
      const info = body as Partial<IbusInfo> | null;
      if (typeof info?.customers !== 'number') throw unexpected(host, 'GET /api/v1/info', body, secrets);
      return info as IbusInfo;
    },
    async feed(query, signal) {
      const { body } = await get(
        '/api/v1/customers',
        {
          changedSince: query.changedSince,
          afterChangedAt: query.after?.changedAt ?? null,
          afterId: query.after?.id ?? null,
          ids: query.ids === undefined ? null : query.ids.join(','),
          limit: query.limit,
        },
        signal,
      );
      const page = body as Partial<IbusFeedPage> | null;
      if (!Array.isArray(page?.items) || typeof page.hasMore !== 'boolean')
        throw unexpected(host, 'GET /api/v1/customers', body, secrets);
      return page as IbusFeedPage;
    },
  };
}

/** The token request's body: the credentials only (never the page size or rate). */
function credentialsOf({ clientId, clientSecret, username, password }: IbusSettings): IbusCredentials {
  return { clientId, clientSecret, username, password };
}

function unexpected(host: string, what: string, body: unknown, secrets: readonly string[]): BugError {
  return new BugError(
    'IBUS_UNEXPECTED_RESPONSE',
    `${host} answered ${what} with something that is not IBUS protocol v1.`,
    {
      detail: maskedExcerpt(body, secrets),
    },
  );
}
