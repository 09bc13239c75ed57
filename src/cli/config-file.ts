/**
 * The configuration file (docs/operations.md): JSON, found by `--config <file>`, else env KONTOR_CONFIG, else
 * ./kontor.json when it is there. Each key stands for an environment variable; what the environment sets wins
 * over the file, and a command's option over both (options > environment > file > defaults). Relative paths
 * in the file (database folder, key file) are relative to the file's folder. Errors name the file and the key.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../domain/errors.ts';

export const DEFAULT_CONFIG_FILE = 'kontor.json';
export const CONFIG_VARIABLE = 'KONTOR_CONFIG';

type Check = (value: unknown) => string | null;

interface Setting {
  /** The environment variable the key stands for. */
  variable: string;
  /** What a wrong value must be, e.g. "a number from 1 to 65535"; null when the value is right. */
  check: Check;
  /** Resolved against the file's folder when relative (and not a URL or memory:). */
  path?: true;
}

const text: Check = (value) =>
  typeof value === 'string' && value.trim() !== '' ? null : 'a non-empty string';
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value)
      ? null
      : `one of ${values.map((v) => `"${v}"`).join(', ')}`;
const port: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535
    ? null
    : 'a number from 1 to 65535';
const flag: Check = (value) => (typeof value === 'boolean' ? null : 'true or false');

/** Every key of the file and the variable it sets. */
export const CONFIG_SETTINGS: Readonly<Record<string, Setting>> = {
  database: { variable: 'KONTOR_DB', check: text, path: true },
  oltp: { variable: 'KONTOR_OLTP', check: text },
  host: { variable: 'KONTOR_HOST', check: text },
  port: { variable: 'KONTOR_PORT', check: port },
  trustProxy: { variable: 'KONTOR_TRUST_PROXY', check: flag },
  logFormat: { variable: 'KONTOR_LOG_FORMAT', check: oneOf('human', 'json') },
  keyFile: { variable: 'KONTOR_SECRET_KEY_FILE', check: text, path: true },
  user: { variable: 'KONTOR_USER', check: text },
  knownUsersOnly: { variable: 'KONTOR_KNOWN_USERS_ONLY', check: flag },
};

export interface LoadedConfig {
  /** The file read (as given), or null when there is none. */
  file: string | null;
  /** The variables the file sets (before the environment is applied). */
  variables: Record<string, string>;
}

/** Which file to read: `--config`, else KONTOR_CONFIG, else ./kontor.json if it exists (else none). */
export function configFileOf(option: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()) {
  const given = option ?? env[CONFIG_VARIABLE];
  if (given !== undefined && given.trim() !== '') return { file: given, required: true };
  return { file: resolve(cwd, DEFAULT_CONFIG_FILE), required: false, shown: DEFAULT_CONFIG_FILE };
}

/** Reads and checks the configuration file; a file named by option or variable must exist. */
export function loadConfig(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): LoadedConfig {
  const found = configFileOf(option, env, cwd);
  const shown = 'shown' in found && found.shown ? found.shown : found.file;
  let source: string;
  try {
    source = readFileSync(resolve(cwd, found.file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !found.required)
      return { file: null, variables: {} };
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw invalid(
      shown,
      `cannot be read (${reason}). Name an existing file with --config or ${CONFIG_VARIABLE}.`,
    );
  }
  return { file: shown, variables: parseConfig(source, shown, dirname(resolve(cwd, found.file))) };
}

/** The variables of a configuration file's text; `folder` resolves its relative paths. */
export function parseConfig(source: string, shown: string, folder: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw invalid(shown, `is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid(shown, 'must hold one JSON object, e.g. { "database": "/var/lib/kontor" }.');
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const setting = CONFIG_SETTINGS[key];
    if (!setting) {
      const known = Object.keys(CONFIG_SETTINGS).join(', ');
      throw invalid(shown, `unknown key "${key}" (known keys: ${known}).`);
    }
    const wrong = setting.check(value);
    if (wrong) throw invalid(shown, `"${key}" must be ${wrong}.`);
    variables[setting.variable] = setting.path ? resolvePath(String(value), folder) : String(value);
  }
  return variables;
}

function resolvePath(value: string, folder: string): string {
  if (/^postgres(ql)?:\/\//i.test(value) || value === 'memory:' || isAbsolute(value)) return value;
  return resolve(folder, value);
}

function invalid(file: string, message: string): ConfigError {
  return new ConfigError('CONFIG_INVALID', `${file}: ${message}`);
}

/** The environment commands see: the process's variables over the file's. */
export function effectiveEnv(config: LoadedConfig, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...config.variables };
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value !== '') merged[name] = value;
  return merged;
}
