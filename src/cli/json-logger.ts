/**
 * The JSON log format (`--log-format json`): one JSON object per line on stdout through pino, for a log
 * collector (journald, Loki, Elasticsearch). Every line has `time` (ISO 8601), `level` (info, warn, error),
 * `pid`, `hostname`, `msg` and the fields of its logger: `reqId`, `user` (HTTP requests), `job`, `run`,
 * `channel` (batch runs), `importRun` (import runs) and what the event adds (docs/observability.md).
 */
import { hostname } from 'node:os';
import pino from 'pino';
import { type LogFields, type Logger, safeFields } from '../domain/logger.ts';
import type { Output } from './app-context.ts';

export function jsonLogger(output: Output): Logger {
  const destination = { write: (line: string) => output.out(line.replace(/\n$/, '')) };
  const root = pino(
    {
      level: process.env.KONTOR_LOG_LEVEL === 'debug' ? 'debug' : 'info',
      base: { pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return wrap(root);
}

function wrap(logger: pino.Logger): Logger {
  return {
    debug: (message, fields = {}) => logger.debug(safeFields(fields), message),
    info: (message, fields = {}) => logger.info(safeFields(fields), message),
    warn: (message, fields = {}) => logger.warn(safeFields(fields), message),
    error: (message, fields = {}) => logger.error(safeFields(fields), message),
    child: (fields: LogFields) => wrap(logger.child(safeFields(fields))),
  };
}
