/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) as a token source: POST the client's id and
 * secret as JSON to the token endpoint, take `access_token` and `expires_in` from the answer. Every token it
 * is issued joins `secrets`, so that no message shows one.
 */
import type { HttpClient } from '../http/http-client.ts';
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
