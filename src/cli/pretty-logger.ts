/**
 * The readable log format (`--log-format pretty`, the default): one line per event, the time and the
 * message, as `kontor serve` always printed them (`2026-12-03T13:40:16.123Z GET /api/jobs 200 4ms alice
 * 127.0.0.1`). Information goes to stdout, warnings and errors to stderr; a `stack` field follows its line.
 * The other fields are left out: the message already says what they say.
 */
import { fieldLogger, type Logger, type LogLevel } from '../domain/logger.ts';
import type { Output } from './app-context.ts';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface PrettyOptions {
  /** Lines below this level are dropped (default info). */
  minLevel?: LogLevel;
  clock?: () => Date;
}

export function prettyLogger(output: Output, options: PrettyOptions = {}): Logger {
  const min = RANK[options.minLevel ?? 'info'];
  const clock = options.clock ?? (() => new Date());
  return fieldLogger((level, message, fields) => {
    if (RANK[level] < min) return;
    const stack = typeof fields.stack === 'string' && fields.stack !== '' ? `\n${fields.stack}` : '';
    const line = `${clock().toISOString()} ${message}${stack}`;
    if (level === 'info' || level === 'debug') output.out(line);
    else output.err(line);
  });
}
