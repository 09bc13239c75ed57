/**
 * Connection problems with a PostgreSQL server as Kontor errors, with messages that never contain the
 * password: unreachable or overloaded -> TransientError; refused login or unknown database -> ConfigError.
 */
import { ConfigError, KontorError, TransientError } from '../domain/errors.ts';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
/** SQLSTATEs of a server that is going away, starting up or full. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout expired/i,
  /timeout exceeded when trying to connect/,
];

interface PgLikeError {
  code?: unknown;
  message?: unknown;
}

/** URL without password and query (which may hold one): postgres://user@host:port/database. */
export function describePostgresUrl(url: string): string {
  const parsed = parsePostgresUrl(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  const database = parsed.pathname.replace(/^\//, '');
  return `postgres://${user}${parsed.host || 'localhost'}/${decodeURIComponent(database)}`;
}

export function parsePostgresUrl(url: string): URL {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') return parsed;
  } catch {
    // fall through: the raw text may contain a password, so it is not repeated
  }
  throw new ConfigError(
    'DB_URL_INVALID',
    'The database URL is not valid; expected postgres://user:password@host:port/database.',
  );
}

/** True for errors that mean the server cannot be reached or is not accepting work now. */
export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as PgLikeError;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08')) return true;
    return false;
  }
  return typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}

/** Maps an error of a query or connect: connection problems become Kontor errors, SQL errors stay as they are. */
export function mapPostgresError(error: unknown, location: string): unknown {
  if (error instanceof KontorError) return error;
  const { code, message } = (error ?? {}) as PgLikeError;
  const reason = typeof message === 'string' && message ? message : String(code ?? error);
  if (code === '28P01' || code === '28000' || (typeof message === 'string' && message.startsWith('SASL'))) {
    return new ConfigError('DB_LOGIN_REFUSED', `PostgreSQL at ${location} refused the login: ${reason}`, {
      cause: error,
    });
  }
  if (code === '3D000') {
    return new ConfigError('DB_NOT_FOUND', `The database of ${location} does not exist: ${reason}`, {
      cause: error,
    });
  }
  if (isConnectionError(error)) {
    return new TransientError('DB_UNAVAILABLE', `Cannot reach PostgreSQL at ${location}: ${reason}`, {
      cause: error,
    });
  }
  return error;
}
