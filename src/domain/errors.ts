/**
 * The error hierarchy. Every error Kontor raises on purpose is a KontorError with a stable `code`
 * and a `kind` that decides what the caller does with it:
 * - config:    the user's configuration or input is wrong -> stop, tell the user what to fix
 * - auth:      credentials were refused -> stop, tell the user to fix the credentials
 * - transient: the other side is unreachable or overloaded -> retry with backoff, then stop
 * - data:      one record is unusable -> skip that record, log it, go on
 * - bug:       an invariant broke -> stop, report
 * `message` is for users; `detail` is internal (logs) and must never contain secrets.
 */
export type ErrorKind = 'config' | 'auth' | 'transient' | 'data' | 'bug';

export interface KontorErrorOptions {
  detail?: string;
  cause?: unknown;
}

export class KontorError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly detail: string | undefined;

  constructor(kind: ErrorKind, code: string, message: string, options: KontorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.detail = options.detail;
  }

  toJSON(): { code: string; kind: ErrorKind; message: string; field?: string } {
    return { code: this.code, kind: this.kind, message: this.message };
  }
}

/** Wrong configuration (channel settings, environment) or wrong input (CLI, API). */
export class ConfigError extends KontorError {
  constructor(code: string, message: string, options?: KontorErrorOptions) {
    super('config', code, message, options);
  }
}

export interface InvalidInputOptions extends KontorErrorOptions {
  /** The input field that is wrong, as a dotted path into the input (`queue`, `settings.token`). */
  field?: string;
}

/** Invalid input from a user: the CLI exits 2, the API answers 400 (showing the message at `field`). */
export class InvalidInputError extends ConfigError {
  readonly field: string | undefined;

  constructor(message: string, options: InvalidInputOptions = {}) {
    super('INVALID_INPUT', message, options);
    this.field = options.field;
  }

  override toJSON(): { code: string; kind: ErrorKind; message: string; field?: string } {
    return this.field === undefined ? super.toJSON() : { ...super.toJSON(), field: this.field };
  }
}

/** A requested thing (channel, partner, run) does not exist. */
export class NotFoundError extends ConfigError {
  constructor(what: string, name: string) {
    super('NOT_FOUND', `${what} "${name}" does not exist.`);
  }
}

/**
 * A channel setting is missing (SETTING_MISSING) or not valid (SETTING_INVALID); `key` names the setting, so
 * that saving a channel can point at it.
 */
export class SettingError extends ConfigError {
  readonly key: string;

  constructor(
    code: 'SETTING_MISSING' | 'SETTING_INVALID',
    key: string,
    message: string,
    options?: KontorErrorOptions,
  ) {
    super(code, message, options);
    this.key = key;
  }
}

export class AuthError extends KontorError {
  constructor(code: string, message: string, options?: KontorErrorOptions) {
    super('auth', code, message, options);
  }
}

export class TransientError extends KontorError {
  /** Seconds the other side asked us to wait (Retry-After), if it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: string,
    message: string,
    options: KontorErrorOptions & { retryAfterSeconds?: number } = {},
  ) {
    super('transient', code, message, options);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** One record is unusable; the import skips it and logs the reason. */
export class DataError extends KontorError {
  constructor(code: string, message: string, options?: KontorErrorOptions) {
    super('data', code, message, options);
  }
}

export class BugError extends KontorError {
  constructor(code: string, message: string, options?: KontorErrorOptions) {
    super('bug', code, message, options);
  }
}

/** The run was stopped on purpose (maximum run time, cancel request). */
export class AbortedError extends KontorError {
  constructor(reason: string) {
    super('transient', 'ABORTED', `The run was stopped: ${reason}.`);
  }
}

/** Turns anything thrown into a KontorError; unknown errors become bugs with a generic message. */
export function asKontorError(error: unknown): KontorError {
  if (error instanceof KontorError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new BugError('INTERNAL', 'An internal error occurred; see the server log for details.', {
    detail,
    cause: error,
  });
}
