/**
 * Requests of the Cloud adapter over the shared HTTP client: the channel's auth on every request, one GET
 * of the customer list with the paging and selection parameters, and the item list found in the answer.
 * A next link is followed only on the channel's own origin: credentials never go to another host.
 */
import { BugError, ConfigError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { trimBaseUrl } from '../channel-url.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import { resolvePath } from './json-path.ts';
import type { CloudAuth, CloudSettings } from './settings.ts';

export type CloudHttpOptions = Omit<HttpClientOptions, 'secrets' | 'headers' | 'requestsPerSecond' | 'hints'>;

export interface CloudAnswer {
  items: unknown[];
  body: unknown;
}

export interface CloudApi {
  readonly host: string;
  /** GET the customer list with these parameters, or GET `link` (a next link) as it is. */
  list(
    request: { params: Array<[string, string]> } | { link: string },
    signal?: AbortSignal,
  ): Promise<CloudAnswer>;
}

const AUTH_HINT = 'Check the settings auth and token (or username and password, or apiKeyHeader).';
const NOT_FOUND_HINT = 'Check the URL and the setting customersPath.';

export function createCloudApi(url: string, settings: CloudSettings, http: CloudHttpOptions = {}): CloudApi {
  const base = new URL(trimBaseUrl(url));
  const client: HttpClient = createHttpClient({
    ...http,
    secrets: secretsOf(settings.auth),
    headers: headersOf(settings.auth),
    requestsPerSecond: settings.requestsPerSecond,
    hints: { auth: AUTH_HINT, notFound: NOT_FOUND_HINT },
  });
  const listUrl = new URL(`${base.pathname.replace(/\/+$/, '')}${settings.customersPath}`, base);

  return {
    host: base.host,
    async list(request, signal) {
      let target: URL;
      if ('link' in request) {
        target = new URL(request.link, listUrl);
        if (target.origin !== base.origin) {
          throw new ConfigError(
            'CLOUD_FOREIGN_LINK',
            `${base.host} sent a next link to ${target.host}; Kontor follows links only on the channel's own host.`,
          );
        }
      } else {
        target = new URL(listUrl);
        for (const [key, value] of [...settings.extraQuery, ...request.params])
          target.searchParams.set(key, value);
      }
      const { body } = await client.request({ url: target, signal });
      const found = settings.itemsPath === null ? body : resolvePath(body, settings.itemsPath)[0];
      if (!Array.isArray(found)) {
        const where = settings.itemsPath === null ? 'the answer' : `"${settings.itemsPath.text}"`;
        throw new BugError(
          'CLOUD_UNEXPECTED_RESPONSE',
          `${base.host} sent no item list at ${where}. Check the setting itemsPath.`,
          {
            detail: `GET ${target.pathname}: ${maskedExcerpt(body, secretsOf(settings.auth))}`,
          },
        );
      }
      return { items: found, body };
    },
  };
}

function headersOf(auth: CloudAuth): Record<string, string> {
  switch (auth.kind) {
    case 'none':
      return {};
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'api-key':
      return { [auth.header]: auth.token };
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      };
  }
}

function secretsOf(auth: CloudAuth): string[] {
  if (auth.kind === 'bearer' || auth.kind === 'api-key') return [auth.token];
  if (auth.kind === 'basic')
    return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')];
  return [];
}
