/** Test loggers: keep what Kontor logs in memory. */
import { fieldLogger, type Logger, type LogLevel, type LogValue } from '../../src/domain/logger.ts';

export interface LoggedLine {
  level: LogLevel;
  message: string;
  fields: Record<string, LogValue>;
}

/** A logger that keeps every line with its level and fields. */
export function captureLogger(): { logger: Logger; lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  return { logger: fieldLogger((level, message, fields) => lines.push({ level, message, fields })), lines };
}

/** A logger that pushes the message of every warning and error (what the import wrote to stderr) to `into`. */
export function warningLines(into: string[]): Logger {
  return fieldLogger((level, message) => {
    if (level === 'warn' || level === 'error') into.push(message);
  });
}
