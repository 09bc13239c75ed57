/**
 * Turns HTTP failures into typed KontorErrors whose user message names the channel's host (never a
 * token or secret) and says what to do:
 * - 401/403                -> AuthError    CHANNEL_AUTH_FAILED
 * - 404                    -> ConfigError  CHANNEL_NOT_FOUND (the API path does not exist at that URL)
 * - 400                    -> ConfigError  CHANNEL_BAD_REQUEST (with the shop's own message)
 * - other 4xx              -> ConfigError  CHANNEL_REQUEST_REJECTED
 * - 408, 5xx               -> TransientError CHANNEL_SERVER_ERROR (408: CHANNEL_TIMEOUT)
 * - 429                    -> TransientError CHANNEL_RATE_LIMITED (with Retry-After)
 * - no connection          -> TransientError CHANNEL_UNREACHABLE
 * - no answer in time      -> TransientError CHANNEL_TIMEOUT
 * - unreadable 2xx body    -> TransientError CHANNEL_BAD_RESPONSE
 */
import { AuthError, ConfigError, type KontorError, TransientError } from '../../domain/errors.ts';
import { redact } from '../../domain/redact.ts';

export interface RequestInfo {
  method: string;
  url: URL;
  secrets: readonly string[];
  hints?: ErrorHints;
}

/** What the user should check, per failure, in the words of the adapter (replaces the generic advice). */
export interface ErrorHints {
  auth?: string;
  notFound?: string;
}

/**
 * Network failures that another attempt a few seconds later would meet again: nothing listens at the port, the
 * host name is unknown, the TLS handshake failed (certificate, protocol). A connection test answers them at once.
 */
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTO',
  'BAD_PORT',
]);

/** Whether the error is a refused connection, a DNS failure or a TLS failure (see CONNECT_FAILURES). */
export function isConnectFailure(error: KontorError): boolean {
  if (error.code !== 'CHANNEL_UNREACHABLE') return false;
  const code = failureCodeOf(error.cause);
  return code !== null && (CONNECT_FAILURES.has(code) || isTlsCode(code));
}

function isTlsCode(code: string): boolean {
  return /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/.test(code);
}

/** Whether the client tries a request again after this error. */
export function isRetryable(error: KontorError): boolean {
  return error instanceof TransientError;
}

/** The error for an HTTP response that is not a success. */
export function errorForStatus(
  info: RequestInfo,
  status: number,
  body: unknown,
  retryAfterMs: number | undefined,
): KontorError {
  const host = info.url.host;
  const shopMessage = shopMessageOf(body);
  const said = shopMessage ? `: ${sentence(shopMessage)}` : '.';
  const detail = redact(`${info.method} ${info.url.pathname} -> HTTP ${status}${said}`, info.secrets);
  const safe = (text: string): string => redact(text, info.secrets);
  if (status === 401 || status === 403) {
    return new AuthError(
      'CHANNEL_AUTH_FAILED',
      safe(
        `${host} refused the credentials (HTTP ${status})${said} ${info.hints?.auth ?? "Check the channel's access settings."}`,
      ),
      { detail },
    );
  }
  if (status === 404) {
    return new ConfigError(
      'CHANNEL_NOT_FOUND',
      safe(
        `${host} has no API at ${info.url.pathname} (HTTP 404)${said} ${info.hints?.notFound ?? "Check the channel's URL."}`,
      ),
      { detail },
    );
  }
  if (status === 429) {
    const seconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
    return new TransientError('CHANNEL_RATE_LIMITED', `${host} is limiting the request rate (HTTP 429).`, {
      detail,
      retryAfterSeconds: seconds,
    });
  }
  if (status === 408) {
    return new TransientError('CHANNEL_TIMEOUT', `${host} timed out the request (HTTP 408).`, { detail });
  }
  if (status >= 500) {
    return new TransientError(
      'CHANNEL_SERVER_ERROR',
      safe(`${host} answered with a server error (HTTP ${status})${said}`),
      {
        detail,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      },
    );
  }
  if (status === 400) {
    return new ConfigError('CHANNEL_BAD_REQUEST', safe(`${host} rejected the request (HTTP 400)${said}`), {
      detail,
    });
  }
  return new ConfigError(
    'CHANNEL_REQUEST_REJECTED',
    safe(`${host} rejected the request (HTTP ${status})${said}`),
    {
      detail,
    },
  );
}

/** The error for a request that got no response: refused, reset, DNS failure, TLS failure... */
export function errorForNetworkFailure(info: RequestInfo, cause: unknown): TransientError {
  const code = failureCodeOf(cause);
  const reason = code
    ? (NETWORK_REASONS[code] ?? (isTlsCode(code) ? `the TLS connection failed (${code})` : code))
    : 'the connection failed';
  const detail = redact(
    `${info.method} ${info.url.origin}${info.url.pathname}: ${describe(cause)}`,
    info.secrets,
  );
  return new TransientError('CHANNEL_UNREACHABLE', `Could not reach ${info.url.host}: ${reason}.`, {
    detail,
    cause,
  });
}

/** The error for a request that got no complete response within the timeout. */
export function errorForTimeout(info: RequestInfo, timeoutMs: number): TransientError {
  return new TransientError(
    'CHANNEL_TIMEOUT',
    `${info.url.host} did not answer within ${formatSeconds(timeoutMs)}.`,
    { detail: `${info.method} ${info.url.pathname} timed out after ${timeoutMs} ms` },
  );
}

/** The error for a success response whose body is not the JSON the API promises. */
export function errorForUnreadableBody(
  info: RequestInfo,
  status: number,
  contentType: string | null,
): TransientError {
  const hint = contentType?.includes('html') ? " (an HTML page: is the URL the shop's base URL?)" : '';
  return new TransientError(
    'CHANNEL_BAD_RESPONSE',
    `${info.url.host} sent a response that is not valid JSON${hint}.`,
    {
      detail: `${info.method} ${info.url.pathname} -> HTTP ${status}, content-type ${contentType ?? 'none'}`,
    },
  );
}

/**
 * The human-readable message in an API error body: `message` (Magento: with its %placeholders filled from
 * `parameters`), `errors[0].detail|title|message` (Shopware, JSON:API; Amazon SP-API with its `details`
 * appended), else `errors[0].code`, `error_description` (OAuth), `error`.
 */
export function shopMessageOf(body: unknown): string | null {
  if (typeof body === 'string') return null;
  if (!isRecord(body)) return null;
  if (typeof body.message === 'string' && body.message.trim() !== '') {
    return clip(fillPlaceholders(body.message.trim(), body.parameters));
  }
  if (Array.isArray(body.errors) && isRecord(body.errors[0])) {
    const first = body.errors[0];
    for (const key of ['detail', 'title', 'message']) {
      const value = first[key];
      if (typeof value !== 'string' || value.trim() === '') continue;
      // Amazon SP-API: { code, message, details } where details says what exactly was wrong.
      const details = typeof first.details === 'string' ? first.details.trim() : '';
      return clip(
        details !== '' && details !== value.trim() ? `${sentence(value.trim())} ${details}` : value.trim(),
      );
    }
    if (typeof first.code === 'string' && first.code.trim() !== '') return clip(first.code.trim());
  }
  for (const key of ['error_description', 'error']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return clip(value.trim());
  }
  return null;
}

/** Magento's messages keep placeholders (%name, %1) with their values in `parameters` (object or list). */
export function fillPlaceholders(message: string, parameters: unknown): string {
  if (Array.isArray(parameters)) {
    return message.replace(/%(\d+)/g, (whole, index: string) => {
      const value: unknown = parameters[Number(index) - 1];
      return value === undefined ? whole : String(value);
    });
  }
  if (isRecord(parameters)) {
    return message.replace(/%([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
      const value = parameters[name];
      return value === undefined ? whole : String(value);
    });
  }
  return message;
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name is unknown',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate does not match the host name',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain contains a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate is issued by an unknown authority',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS at that port (is it http:// rather than https://?)',
  EPROTO: 'the TLS handshake failed',
  EAI_NONAME: 'the host name is unknown',
  BAD_PORT: 'HTTP clients refuse its port (a port reserved for other services); use another port',
};

/** The failure's code; fetch's "bad port" (ports of other protocols, e.g. 9, 25) has none: BAD_PORT. */
function failureCodeOf(error: unknown): string | null {
  const code = networkCodeOf(error);
  if (code !== null) return code;
  return /\bbad port\b/.test(describe(error)) ? 'BAD_PORT' : null;
}

function networkCodeOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isRecord(current) && typeof current.code === 'string') return current.code;
    current =
      isRecord(current) || current instanceof Error ? (current as { cause?: unknown }).cause : undefined;
  }
  return null;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' <- ');
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
