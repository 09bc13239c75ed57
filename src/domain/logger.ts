/**
 * The one logger interface of Kontor. The entry points (`kontor serve`, `worker`, `demo`) make it in the
 * chosen format (src/cli/log-format.ts: readable lines or JSON lines through pino) and hand it down; the API,
 * the application server, its runs and the import take it as a dependency and never pick a format (nor import
 * a logging library). `child` adds fields that every later line carries: reqId and user for an HTTP request,
 * job, run and channel for a batch run, importRun and channel for an import run.
 *
 * Messages are complete sentences for people (the readable format prints only them); fields repeat what a
 * machine filters on. Neither may hold a secret: callers mask with `redact` (src/domain/redact.ts), and
 * `safeFields` masks a field whose name says it holds one, in case one slips through.
 */
import { MASK } from './redact.ts';

export type LogValue = string | number | boolean | null;
export type LogFields = Readonly<Record<string, LogValue | undefined>>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines carry these fields too (later fields of the same name win). */
  child(fields: LogFields): Logger;
}

/** Writes nothing (tests, and callers that were given no logger). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

const SECRET_NAME = /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|credential/i;

/** The fields without undefined ones, and *** for any whose name says it holds a secret. */
export function safeFields(fields: LogFields): Record<string, LogValue> {
  const safe: Record<string, LogValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    safe[key] = SECRET_NAME.test(key) && value !== null ? MASK : value;
  }
  return safe;
}

/** A logger of the given level function: builds a child by merging fields (for simple implementations). */
export function fieldLogger(
  write: (level: LogLevel, message: string, fields: Record<string, LogValue>) => void,
  bound: LogFields = {},
): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) =>
      write(level, message, safeFields({ ...bound, ...fields }));
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => fieldLogger(write, { ...bound, ...fields }),
  };
}
