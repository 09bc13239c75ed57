/**
 * A KontorError as plain data and back, for errors that cross a thread (the import's read worker,
 * import/read-worker.ts): the class follows the kind, code, message and detail are kept, and so is the wait a
 * shop asked for. Anything that is no KontorError crosses as what asKontorError makes of it.
 */
import {
  AuthError,
  asKontorError,
  BugError,
  ConfigError,
  DataError,
  type ErrorKind,
  type KontorError,
  TransientError,
} from './errors.ts';

export interface WireError {
  kind: ErrorKind;
  code: string;
  message: string;
  detail?: string;
  retryAfterSeconds?: number;
}

export function errorToWire(error: unknown): WireError {
  const kontor = asKontorError(error);
  const wire: WireError = { kind: kontor.kind, code: kontor.code, message: kontor.message };
  if (kontor.detail !== undefined) wire.detail = kontor.detail;
  if (kontor instanceof TransientError && kontor.retryAfterSeconds !== undefined)
    wire.retryAfterSeconds = kontor.retryAfterSeconds;
  return wire;
}

export function errorFromWire(wire: WireError): KontorError {
  const options = wire.detail === undefined ? {} : { detail: wire.detail };
  switch (wire.kind) {
    case 'config':
      return new ConfigError(wire.code, wire.message, options);
    case 'auth':
      return new AuthError(wire.code, wire.message, options);
    case 'transient':
      return new TransientError(wire.code, wire.message, {
        ...options,
        retryAfterSeconds: wire.retryAfterSeconds,
      });
    case 'data':
      return new DataError(wire.code, wire.message, options);
    default:
      return new BugError(wire.code, wire.message, options);
  }
}
