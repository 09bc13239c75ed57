import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AbortedError, AuthError, ConfigError, TransientError } from '../../domain/errors.ts';
import { createHttpClient, type HttpClientOptions } from './http-client.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

const servers: TestServer[] = [];

async function serve(handlers: Handler[] | Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const handler = Array.isArray(handlers)
        ? (handlers[Math.min(requests.length - 1, handlers.length - 1)] as Handler)
        : handlers;
      handler(req, res, body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const result: TestServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(result);
  return result;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

const TOKEN = 'sekrit-token-4711';

function client(extra: HttpClientOptions = {}) {
  const delays: number[] = [];
  const http = createHttpClient({
    retry: { retries: 3, backoffBaseMs: 4, backoffMaxMs: 50, retryAfterMaxMs: 30, random: () => 0.5 },
    timeoutMs: 2_000,
    secrets: [TOKEN],
    headers: { Authorization: `Bearer ${TOKEN}` },
    onRetry: (event) => delays.push(event.delayMs),
    ...extra,
  });
  return { http, delays };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient', () => {
  it('sends JSON with the default headers and parses the JSON answer', async () => {
    const server = await serve(json(200, { ok: true }));
    const { http } = client();
    const response = await http.request({
      method: 'POST',
      url: `${server.url}/rest/V1/things?x=1`,
      query: { searchCriteria: { pageSize: 5 } },
      json: { a: 1 },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    const [request] = server.requests;
    expect(request?.url).toBe('/rest/V1/things?x=1&searchCriteria%5BpageSize%5D=5');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toBe('{"a":1}');
  });

  it('retries 503 and succeeds', async () => {
    const server = await serve([json(503, { message: 'busy' }), json(503, {}), json(200, { items: [] })]);
    const { http, delays } = client();
    const response = await http.request({ url: `${server.url}/x` });
    expect(response.body).toEqual({ items: [] });
    expect(server.requests).toHaveLength(3);
    // equal jitter with random 0.5: 3/4 of base * 2^n
    expect(delays).toEqual([3, 6]);
  });

  it('gives up after the retries with a transient server error', async () => {
    const server = await serve(
      json(500, { message: 'Internal Error. Details are available in Magento log file.' }),
    );
    const { http } = client();
    const error = await failure(http.request({ url: `${server.url}/x` }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'CHANNEL_SERVER_ERROR', kind: 'transient' });
    expect((error as Error).message).toContain('127.0.0.1');
    expect((error as Error).message).toContain('Gave up after 4 attempts');
    expect(server.requests).toHaveLength(4);
  });

  it('honours Retry-After seconds on 429, capped', async () => {
    const server = await serve([
      json(429, { message: 'Too Many Requests' }, { 'retry-after': '120' }),
      json(200, {}),
    ]);
    const { http, delays } = client();
    await http.request({ url: `${server.url}/x` });
    expect(delays).toEqual([30]);
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const server = await serve([
      json(503, {}, { 'retry-after': new Date(now + 20).toUTCString() }),
      json(429, {}, { 'retry-after': 'Wed, 01 Jan 2025 00:00:00 GMT' }),
      json(200, {}),
    ]);
    const { http, delays } = client({ now: () => now - 10_000 });
    await http.request({ url: `${server.url}/x` });
    // an HTTP date 10 s ahead, capped at 30 ms; an HTTP date's resolution is one second
    expect(delays).toEqual([30, 30]);
  });

  it('does not retry 401 and never puts the token into the message', async () => {
    const server = await serve(
      json(401, {
        message: "The consumer isn't authorized to access %resources. Token %token",
        parameters: { resources: 'Magento_Customer::customer', token: TOKEN },
      }),
    );
    const { http } = client();
    const error = await failure(http.request({ url: `${server.url}/x` }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    const message = (error as AuthError).message;
    expect(message).toContain("The consumer isn't authorized to access Magento_Customer::customer.");
    expect(message).toContain('127.0.0.1');
    expect(message).not.toContain(TOKEN);
    expect((error as AuthError).detail).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it('masks encoded copies of the token in the message and detail: base64, base64url, URL-encoded, hex', async () => {
    const copies = [
      Buffer.from(TOKEN).toString('base64'),
      Buffer.from(`api:${TOKEN}`).toString('base64'),
      Buffer.from(TOKEN).toString('base64url'),
      encodeURIComponent(`${TOKEN}/x`),
      Buffer.from(TOKEN).toString('hex'),
    ];
    const server = await serve(json(401, { message: `Token rejected: ${copies.join(' | ')}` }));
    const { http } = client({ secrets: [TOKEN, `${TOKEN}/x`] });
    const error = (await failure(http.request({ url: `${server.url}/x` }))) as AuthError;
    expect(error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    expect(error.message).toContain('Token rejected: ***');
    for (const text of [error.message, error.detail ?? '']) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 12));
      expect(text).not.toContain(Buffer.from(TOKEN).toString('hex').slice(0, 12));
      expect(text).not.toContain('sekrit');
    }
  });

  it('maps 403 to an auth error, 404 to CHANNEL_NOT_FOUND and 400 to CHANNEL_BAD_REQUEST, without retries', async () => {
    const server = await serve([
      json(403, {}),
      json(404, { message: 'Request does not match any route.' }),
      json(400, { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } }),
      json(422, { errors: [{ detail: 'The email is invalid.' }] }),
    ]);
    const { http } = client();
    expect(await failure(http.request({ url: `${server.url}/a` }))).toMatchObject({
      code: 'CHANNEL_AUTH_FAILED',
    });
    const notFound = await failure(http.request({ url: `${server.url}/rest/V1/nothing` }));
    expect(notFound).toBeInstanceOf(ConfigError);
    expect(notFound).toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    expect((notFound as Error).message).toContain('/rest/V1/nothing');
    const bad = await failure(http.request({ url: `${server.url}/b` }));
    expect(bad).toMatchObject({ code: 'CHANNEL_BAD_REQUEST', kind: 'config' });
    expect((bad as Error).message).toContain('Maximum SearchCriteria pageSize is 300.');
    const other = await failure(http.request({ url: `${server.url}/c` }));
    expect(other).toMatchObject({ code: 'CHANNEL_REQUEST_REJECTED' });
    expect((other as Error).message).toContain('The email is invalid.');
    expect(server.requests).toHaveLength(4);
  });

  it('returns a 404 when the request allows it', async () => {
    const server = await serve(json(404, { message: 'No such entity' }));
    const { http } = client();
    const response = await http.request({ url: `${server.url}/x`, allowNotFound: true });
    expect(response).toMatchObject({ status: 404, body: { message: 'No such entity' } });
  });

  it('times out slow answers, retries them and reports CHANNEL_TIMEOUT', async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => json(200, {})(_req, res, ''), 500);
    });
    const { http } = client({ timeoutMs: 40, retry: { retries: 1, backoffBaseMs: 1, random: () => 0 } });
    const error = await failure(http.request({ url: `${server.url}/slow` }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'CHANNEL_TIMEOUT' });
    expect((error as Error).message).toBe(
      `127.0.0.1:${new URL(server.url).port} did not answer within 40 ms. Gave up after 2 attempts.`,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('reports an unreachable host as CHANNEL_UNREACHABLE after the retries', async () => {
    const server = await serve(json(200, {}));
    const url = server.url;
    await server.close();
    servers.length = 0;
    const { http, delays } = client();
    const error = await failure(http.request({ url: `${url}/x` }));
    expect(error).toMatchObject({ code: 'CHANNEL_UNREACHABLE', kind: 'transient' });
    expect((error as Error).message).toContain('connection was refused');
    expect(delays).toHaveLength(3);
  });

  it('stops at once when the caller aborts, also during the backoff', async () => {
    const server = await serve(json(503, {}));
    const { http } = client({ retry: { retries: 5, backoffBaseMs: 10_000, random: () => 0 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort('maximum run time reached'), 30);
    const started = Date.now();
    const error = await failure(http.request({ url: `${server.url}/x`, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as Error).message).toBe('The run was stopped: maximum run time reached.');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('aborts a request in flight', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const { http } = client();
    const controller = new AbortController();
    // Abort once the server has the request (a fixed delay is too short on a busy machine).
    const abortWhenArrived = setInterval(() => {
      if (server.requests.length > 0) controller.abort();
    }, 5);
    const error = await failure(http.request({ url: `${server.url}/x`, signal: controller.signal }));
    clearInterval(abortWhenArrived);
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it('treats an unreadable success body as transient and hints at HTML pages', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome to our shop</body></html>');
    });
    const { http } = client({ retry: { retries: 1, backoffBaseMs: 1 } });
    const error = await failure(http.request({ url: `${server.url}/x` }));
    expect(error).toMatchObject({ code: 'CHANNEL_BAD_RESPONSE', kind: 'transient' });
    expect((error as Error).message).toContain('HTML page');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry requests marked as not repeatable', async () => {
    const server = await serve(json(503, {}));
    const { http } = client();
    await failure(http.request({ method: 'POST', url: `${server.url}/x`, retry: false }));
    expect(server.requests).toHaveLength(1);
  });

  it('rejects URLs that are not http(s)', async () => {
    const { http } = client();
    expect(await failure(http.request({ url: 'shop.example.com' }))).toMatchObject({
      code: 'CHANNEL_URL_INVALID',
    });
    expect(await failure(http.request({ url: 'ftp://shop.example.com' }))).toMatchObject({
      code: 'CHANNEL_URL_INVALID',
    });
  });

  it('throttles requests to the configured rate', async () => {
    const server = await serve(json(200, {}));
    const { http } = client({ requestsPerSecond: 20 });
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map(() => http.request({ url: `${server.url}/x` })));
    // 5 requests at 20/s: the last starts 4 * 50 ms after the first
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests).toHaveLength(5);
  });

  it('sends form-encoded bodies (OAuth token endpoints)', async () => {
    const server = await serve(json(200, { access_token: 'x' }));
    const { http } = client();
    await http.request({
      method: 'POST',
      url: `${server.url}/auth/o2/token`,
      form: { grant_type: 'refresh_token', refresh_token: 'Atzr|a+b/c=' },
    });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.body).toBe('grant_type=refresh_token&refresh_token=Atzr%7Ca%2Bb%2Fc%3D');
  });

  it('lets a burst through at once and, after a 429, waits for the throttle to refill', async () => {
    const quota = { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota.' }] };
    const server = await serve([json(200, {}), json(200, {}), json(429, quota), json(200, {})]);
    const { http } = client({ requestsPerSecond: 5, burst: 2 });
    const started = Date.now();
    // two at once (the burst), the third after one interval; it answers 429 (no Retry-After), so the
    // retry waits for a refill of the emptied bucket: two intervals after the third
    await http.request({ url: `${server.url}/x` });
    await http.request({ url: `${server.url}/x` });
    await http.request({ url: `${server.url}/x` });
    expect(server.requests).toHaveLength(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('puts Amazon SP-API error details into the message, or the error code when there is no message', async () => {
    const denied = {
      errors: [
        {
          code: 'Unauthorized',
          message: 'Access to requested resource is denied.',
          details: 'The access token you provided has expired.',
        },
      ],
    };
    const server = await serve([
      json(403, denied),
      json(400, { errors: [{ message: null, code: 'InvalidInput' }] }),
    ]);
    const { http } = client();
    const auth = await failure(http.request({ url: `${server.url}/orders/v0/orders` }));
    expect((auth as Error).message).toContain(
      'Access to requested resource is denied. The access token you provided has expired.',
    );
    const bad = await failure(http.request({ url: `${server.url}/orders/v0/orders` }));
    expect((bad as Error).message).toContain('(HTTP 400): InvalidInput.');
  });
});
