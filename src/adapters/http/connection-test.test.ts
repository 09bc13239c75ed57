/**
 * Inside a connection test the HTTP client answers a refused connection, an unknown host or a failed TLS
 * handshake after the first attempt; outside (an import) it retries them; 5xx is retried in both.
 */
import { describe, expect, it } from 'vitest';
import { TransientError } from '../../domain/errors.ts';
import { asConnectionTest } from './connection-test.ts';
import { createHttpClient } from './http-client.ts';

function failingFetch(code: string) {
  const calls: string[] = [];
  const fetch = (async (url: URL | string) => {
    calls.push(String(url));
    // Node's fetch refuses ports of other protocols with a cause that has no code: "bad port".
    const cause = code === '' ? new Error('bad port') : Object.assign(new Error(code), { code });
    throw new TypeError('fetch failed', { cause });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

function client(fetch: typeof globalThis.fetch) {
  return createHttpClient({
    fetch,
    retry: { retries: 4, backoffBaseMs: 1, backoffMaxMs: 2, random: () => 0 },
    sleep: async () => undefined,
  });
}

const URL_OF_SHOP = 'https://shop.example.com/api';

describe('HTTP client in a connection test', () => {
  it.each([
    ['ECONNREFUSED', 'the connection was refused'],
    ['ENOTFOUND', 'the host name is unknown'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its TLS certificate is self-signed'],
    [
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'it does not speak TLS at that port (is it http:// rather than https://?)',
    ],
    ['CERT_NOT_YET_VALID', 'the TLS connection failed (CERT_NOT_YET_VALID)'],
    ['', 'HTTP clients refuse its port (a port reserved for other services); use another port'],
  ])('answers "%s" after one attempt with a clear message', async (code, reason) => {
    const { calls, fetch } = failingFetch(code);
    const error = await asConnectionTest(() => client(fetch).request({ url: URL_OF_SHOP })).catch(
      (e: unknown) => e,
    );
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'CHANNEL_UNREACHABLE' });
    expect((error as Error).message).toBe(`Could not reach shop.example.com: ${reason}.`);
  });

  it('keeps the retries of an import (outside a connection test)', async () => {
    const { calls, fetch } = failingFetch('ECONNREFUSED');
    const error = await client(fetch)
      .request({ url: URL_OF_SHOP })
      .catch((e: unknown) => e);
    expect(calls).toHaveLength(5);
    expect((error as Error).message).toContain('Gave up after 5 attempts.');
  });

  it('still retries a connection reset and a server error in a test', async () => {
    const reset = failingFetch('ECONNRESET');
    await asConnectionTest(() => client(reset.fetch).request({ url: URL_OF_SHOP })).catch(() => undefined);
    expect(reset.calls).toHaveLength(5);
    let attempts = 0;
    const serverError = (async () => {
      attempts += 1;
      return new Response(JSON.stringify({ message: 'down' }), { status: 503 });
    }) as typeof globalThis.fetch;
    await asConnectionTest(() => client(serverError).request({ url: URL_OF_SHOP })).catch(() => undefined);
    expect(attempts).toBe(5);
  });
});
