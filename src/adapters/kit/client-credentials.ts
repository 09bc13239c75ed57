/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) as a token source: POST the client's id and
 * secret as JSON to the token endpoint, take `access_token` and `expires_in` from the answer. Every token it
 * is issued joins `secrets`, so that no message shows one. `clientCredentialsClient` is the HTTP client of
 * an API behind the grant, with its token source.
 */
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import { createTokenSource, type TokenSource } from './token-source.ts';

export interface ClientCredentialsOptions {
  client: HttpClient;
  /** The token endpoint. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The secrets the client masks in messages; issued tokens are added. */
  secrets: string[];
  renewBeforeMs: number;
  now?: () => number;
  /** The error for an answer without a token (the adapter's own code and words). */
  unexpected(body: unknown): Error;
}

export function clientCredentialsTokens(options: ClientCredentialsOptions): TokenSource {
  const { client, secrets } = options;
  return createTokenSource({
    async fetchToken(signal) {
      const response = await client.request({
        method: 'POST',
        url: options.url,
        json: {
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: options.clientSecret,
        },
        signal,
      });
      const body = response.body as { access_token?: unknown; expires_in?: unknown } | null;
      if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number')
        throw options.unexpected(body);
      return { value: body.access_token, expiresInSeconds: body.expires_in };
    },
    renewBeforeMs: options.renewBeforeMs,
    ...(options.now ? { now: options.now } : {}),
    onToken: (token) => secrets.push(token),
  });
}

/** The settings of a channel behind the grant that the client needs. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The channel's throttle (null: none). */
  requestsPerSecond: number | null;
}

export interface ClientCredentialsClientOptions {
  /** The adapter's HTTP options (timeouts, retries, a clock); throttle and secrets come from the channel. */
  http: Omit<HttpClientOptions, 'secrets' | 'requestsPerSecond'>;
  /** The token endpoint. */
  tokenUrl: string;
  renewBeforeMs: number;
  now?: () => number;
  /** The error for an answer without a token; `secrets` to mask in its detail. */
  unexpected(body: unknown, secrets: readonly string[]): Error;
}

export interface ClientCredentialsClient {
  client: HttpClient;
  tokens: TokenSource;
  /** What the client masks: the client secret and every token issued (for the adapter's own messages). */
  secrets: readonly string[];
}

/**
 * The HTTP client of a channel behind the grant, throttled as the channel says, masking the client secret
 * and every token issued, with the grant's token source.
 */
export function clientCredentialsClient(
  credentials: ClientCredentials,
  options: ClientCredentialsClientOptions,
): ClientCredentialsClient {
  const secrets = [credentials.clientSecret];
  const client = createHttpClient({
    ...options.http,
    requestsPerSecond: credentials.requestsPerSecond,
    secrets,
  });
  const tokens = clientCredentialsTokens({
    client,
    url: options.tokenUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    secrets,
    renewBeforeMs: options.renewBeforeMs,
    ...(options.now ? { now: options.now } : {}),
    unexpected: (body) => options.unexpected(body, secrets),
  });
  return { client, tokens, secrets };
}
