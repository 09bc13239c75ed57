/**
 * The HTTP server every simulator runs on: listens on a port (0 = free), reads the request body, adds
 * latency, answers injected failures (delays, dropped connections, error statuses), enforces a
 * requests-per-second limit and records every request. The simulator itself only routes and answers;
 * how its system renders a failure or a rate limit is its own (`renderFailure`, `renderRateLimited`).
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InjectedFailure {
  /** Only requests whose path contains this, e.g. "/V1/customers/search". */
  path?: string;
  method?: string;
  /** How many matching requests fail. */
  times: number;
  /** Answer with this status (default 503)... */
  status?: number;
  /** ...and this Retry-After header (seconds or HTTP date)... */
  retryAfter?: string;
  /** ...and this body (default: what the system or its web server sends for that status). */
  body?: string;
  /** Wait this long before answering (timeouts); without status, the request is then served normally. */
  delayMs?: number;
  /** Drop the connection without an answer (network error). */
  drop?: boolean;
}

export interface SimulatorRequest {
  method: string;
  path: string;
  /** Decoded query string. */
  query: string;
  status: number;
  authorization: string | null;
}

export interface IncomingSimulatorRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface SimulatorServerOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
  /** More requests per second than this get `renderRateLimited`. */
  requestsPerSecond?: number | null;
  /** The path injected failures match against (default: the URL's path). */
  failurePath?: (url: URL) => string;
  /** Answers one request; resolves to the status it sent. */
  handle(request: IncomingSimulatorRequest, res: ServerResponse): Promise<number> | number;
  renderFailure(res: ServerResponse, failure: InjectedFailure): number;
  renderRateLimited(res: ServerResponse): number;
}

export interface SimulatorServer {
  /** http://host:port */
  url: string;
  /** Every request so far, in order. */
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

export async function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const failures: InjectedFailure[] = [...(options.failures ?? [])].map((failure) => ({ ...failure }));
  const requests: SimulatorRequest[] = [];
  const recent: number[] = [];

  async function answer(
    request: IncomingSimulatorRequest,
    res: ServerResponse,
    drop: () => void,
  ): Promise<number> {
    if (options.latencyMs) await sleep(options.latencyMs);
    const path = options.failurePath?.(request.url) ?? request.url.pathname;
    const failure = failures.find(
      (item) =>
        item.times > 0 &&
        (!item.path || path.includes(item.path)) &&
        (!item.method || item.method === request.method),
    );
    if (failure) {
      failure.times -= 1;
      if (failure.delayMs) await sleep(failure.delayMs);
      if (failure.drop) {
        drop();
        return 0;
      }
      if (failure.status !== undefined || !failure.delayMs) return options.renderFailure(res, failure);
    }
    if (options.requestsPerSecond) {
      const now = Date.now();
      while (recent.length > 0 && (recent[0] as number) <= now - 1000) recent.shift();
      if (recent.length >= options.requestsPerSecond) return options.renderRateLimited(res);
      recent.push(now);
    }
    return await options.handle(request, res);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://simulator');
      const method = req.method ?? 'GET';
      const request = { method, url, headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
      void answer(request, res, () => req.socket.destroy())
        .catch(() => {
          if (!res.headersSent) sendJson(res, 500, { error: 'simulator failure' });
          return 500;
        })
        .then((status) => {
          requests.push({
            method,
            path: url.pathname,
            query: decodeURIComponent(url.search.replace(/^\?/, '')),
            status,
            authorization: req.headers.authorization ?? null,
          });
        });
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    requests,
    injectFailure: (failure) => {
      failures.push({ ...failure });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return status;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Answers an injected failure in a simulator's own error format: the test's body if it gave one, else
 * `bodyFor(status)`, with the test's Retry-After.
 */
export function sendInjectedFailure(
  res: ServerResponse,
  failure: InjectedFailure,
  bodyFor: (status: number) => unknown,
): number {
  const status = failure.status ?? 503;
  const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
  if (failure.body === undefined) return sendJson(res, status, bodyFor(status), headers);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(failure.body);
  return status;
}
