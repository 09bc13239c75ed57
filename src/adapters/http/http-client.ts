/**
 * The one HTTP client every adapter uses. Per request: a timeout combined with the caller's AbortSignal,
 * retries with exponential backoff and jitter for network errors, timeouts, 429 and 5xx (honouring
 * Retry-After, capped), no retry for other 4xx, an optional client-side throttle (a token bucket that a 429
 * empties), JSON in and out (form-encoded bodies for OAuth token endpoints), and
 * typed KontorErrors whose messages name the host but never a secret (see http-errors.ts).
 */
import { ConfigError, KontorError, TransientError } from '../../domain/errors.ts';
import { sleep as abortableSleep, abortErrorOf, throwIfAborted } from './abort.ts';
import { inConnectionTest } from './connection-test.ts';
import {
  type ErrorHints,
  errorForNetworkFailure,
  errorForStatus,
  errorForTimeout,
  errorForUnreadableBody,
  isConnectFailure,
  isRetryable,
  type RequestInfo,
} from './http-errors.ts';
import { buildQueryString, type QueryValue } from './query-string.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfterMs, type RetryPolicy, retryDelayMs } from './retry-policy.ts';
import { createThrottle, type Throttle } from './throttle.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  /** Time one attempt may take, response body included. Default 30 s. */
  timeoutMs?: number;
  /** Retry policy; tests pass a small backoff. */
  retry?: Partial<RetryPolicy>;
  /** Client-side throttle: at most this many requests start per second. Null/undefined = none. */
  requestsPerSecond?: number | null;
  /** With `requestsPerSecond`: requests that may start at once after a quiet period (token bucket). Default 1. */
  burst?: number;
  /** Values that must never appear in messages (tokens, client secrets). */
  secrets?: readonly string[];
  /** Advice in error messages, in the adapter's words (what to check when the shop refuses the token...). */
  hints?: ErrorHints;
  /** Headers sent with every request (e.g. Authorization). */
  headers?: Readonly<Record<string, string>>;
  /** Called before each retry (for logs). */
  onRetry?: (event: RetryEvent) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface RetryEvent {
  /** The attempt that failed (1 = the first). */
  attempt: number;
  delayMs: number;
  error: KontorError;
}

export interface HttpRequest {
  method?: HttpMethod;
  url: string | URL;
  /** Query parameters, PHP bracket style for nested values; appended to the URL's own query. */
  query?: Readonly<Record<string, QueryValue>>;
  headers?: Readonly<Record<string, string>>;
  /** Request body, sent as JSON. */
  json?: unknown;
  /** Request body, sent as application/x-www-form-urlencoded (OAuth token endpoints). */
  form?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Return a 404 as a response instead of throwing CHANNEL_NOT_FOUND (lookups of single entities). */
  allowNotFound?: boolean;
  /** Return these error statuses as a response instead of throwing (e.g. 401 of an expired OAuth token). */
  acceptStatuses?: readonly number[];
  /** Set false for requests that must not be repeated. Default true. */
  retry?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body; null for an empty body. */
  body: unknown;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const USER_AGENT = 'Kontor/0.1 (+customer import)';

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secrets = options.secrets ?? [];
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const wait = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const throttle: Throttle | null =
    options.requestsPerSecond && options.requestsPerSecond > 0
      ? createThrottle(options.requestsPerSecond, { now, sleep: wait, burst: options.burst })
      : null;

  async function attemptOnce(request: HttpRequest, url: URL): Promise<HttpResponse> {
    const method = request.method ?? 'GET';
    const info: RequestInfo = { method, url, secrets, hints: options.hints };
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
      ...lowerCaseKeys(options.headers),
      ...lowerCaseKeys(request.headers),
    };
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    } else if (request.form !== undefined) {
      body = new URLSearchParams(request.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    }

    const failed = (error: unknown): KontorError => {
      if (request.signal?.aborted) return abortErrorOf(request.signal);
      if (timeout.aborted) return errorForTimeout(info, timeoutMs);
      return errorForNetworkFailure(info, error);
    };
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, { method, headers, body, signal, redirect: 'follow' });
      text = await response.text();
    } catch (error) {
      throw failed(error);
    }

    const parsed = parseJson(text);
    if (response.status >= 200 && response.status < 300) {
      if (!parsed.ok)
        throw errorForUnreadableBody(info, response.status, response.headers.get('content-type'));
      return { status: response.status, headers: response.headers, body: parsed.value };
    }
    const errorBody = parsed.ok ? parsed.value : text;
    if (
      (response.status === 404 && request.allowNotFound) ||
      request.acceptStatuses?.includes(response.status)
    ) {
      return { status: response.status, headers: response.headers, body: errorBody };
    }
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now());
    throw errorForStatus(info, response.status, errorBody, retryAfterMs);
  }

  return {
    async request(request) {
      const url = buildUrl(request);
      for (let attempt = 1; ; attempt++) {
        throwIfAborted(request.signal);
        await throttle?.acquire(request.signal);
        try {
          return await attemptOnce(request, url);
        } catch (caught) {
          const error =
            caught instanceof KontorError
              ? caught
              : errorForNetworkFailure({ method: 'GET', url, secrets }, caught);
          // The channel's quota is spent (perhaps by another client): the next attempt waits for a refill.
          if (error.code === 'CHANNEL_RATE_LIMITED') throttle?.drain();
          // A connection test answers a shop that cannot be reached at all at once (connection-test.ts).
          const mayRetry =
            request.retry !== false &&
            isRetryable(error) &&
            attempt <= policy.retries &&
            !(inConnectionTest() && isConnectFailure(error));
          if (!mayRetry) throw attempt > 1 ? gaveUp(error, attempt) : error;
          const retryAfterMs =
            error instanceof TransientError && error.retryAfterSeconds !== undefined
              ? error.retryAfterSeconds * 1000
              : undefined;
          const delayMs = retryDelayMs(attempt - 1, retryAfterMs, policy);
          options.onRetry?.({ attempt, delayMs, error });
          await wait(delayMs, request.signal);
        }
      }
    },
  };
}

function buildUrl(request: HttpRequest): URL {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new ConfigError('CHANNEL_URL_INVALID', `"${String(request.url)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('CHANNEL_URL_INVALID', `"${url.origin}" is not an http or https URL.`);
  }
  if (request.query) {
    const extra = buildQueryString(request.query);
    if (extra !== '') url.search = url.search ? `${url.search}&${extra}` : `?${extra}`;
  }
  return url;
}

/** A transient error after the last retry: same code, the message says how often it was tried. */
function gaveUp(error: KontorError, attempts: number): KontorError {
  if (!(error instanceof TransientError)) return error;
  return new TransientError(error.code, `${error.message} Gave up after ${attempts} attempts.`, {
    detail: error.detail,
    cause: error.cause,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) result[key.toLowerCase()] = value;
  return result;
}
