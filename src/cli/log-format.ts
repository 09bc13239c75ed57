/**
 * `--log-format json|pretty` of `kontor serve`, `worker` and `demo` (env KONTOR_LOG_FORMAT; a configuration
 * file's value comes after both): which logger the process hands down. Pretty (readable lines) is the
 * default, wherever the output goes: a format that changed when the output is redirected would surprise;
 * production sets json (docs/observability.md).
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../domain/errors.ts';
import type { LogFields, Logger } from '../domain/logger.ts';
import type { Output } from './app-context.ts';
import { prettyLogger } from './pretty-logger.ts';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export function addLogFormatOption(command: Command): Command {
  return command.option(
    '--log-format <format>',
    'log lines: pretty (readable, the default) or json (one JSON object per line, env KONTOR_LOG_FORMAT)',
  );
}

function parseFormat(source: string, value: string): LogFormat {
  const format = value.trim().toLowerCase();
  if ((LOG_FORMATS as readonly string[]).includes(format)) return format as LogFormat;
  throw new InvalidInputError(`${source} "${value}" must be one of: ${LOG_FORMATS.join(', ')}.`);
}

/** The format: the option, else KONTOR_LOG_FORMAT, else the configuration file's value, else pretty. */
export function resolveLogFormat(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  configured?: { key: string; value: string },
): LogFormat {
  if (option !== undefined) return parseFormat('--log-format', option);
  const fromEnv = env.KONTOR_LOG_FORMAT;
  if (fromEnv !== undefined && fromEnv !== '') return parseFormat('KONTOR_LOG_FORMAT', fromEnv);
  if (configured) return parseFormat(configured.key, configured.value);
  return 'pretty';
}

/** The logger of a format; pino is loaded only for json (other commands start without it). */
export async function createLogger(format: LogFormat, output: Output): Promise<Logger> {
  if (format === 'pretty') return prettyLogger(output);
  const { jsonLogger } = await import('./json-logger.ts');
  return jsonLogger(output);
}

/** What a server process logs through: its logger, and `say` for the lines an operator reads at start and stop. */
export interface ProcessLog {
  format: LogFormat;
  logger: Logger;
  /** A status line: printed as it is (pretty) or logged as an info line with these fields (json). */
  say(text: string, fields?: LogFields): void;
}

export async function processLog(format: LogFormat, output: Output): Promise<ProcessLog> {
  const logger = await createLogger(format, output);
  return {
    format,
    logger,
    say: format === 'pretty' ? (text) => output.out(text) : (text, fields) => logger.info(text, fields),
  };
}
