/**
 * The key file: one key per line (base64), the first seals and opens, the others (left there by an unfinished
 * rotation) only open; `#` lines are comments. It is created on first use with mode 0600 in a folder of mode
 * 0700, by an exclusive create (written to a private temporary file, then linked into place), so two
 * processes starting at once end up with the same key. A key file that others may read or write (any group or
 * other permission bit) is refused, not fixed: the key may have leaked, so the user decides (chmod 600, and
 * perhaps `kontor secrets rotate`).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '../domain/errors.ts';
import { formatSecretKey, parseSecretKey, type SecretKey } from './secret-key.ts';

/** `KONTOR_SECRET_KEY_FILE`, else `$XDG_CONFIG_HOME/kontor/secret-key` (default `~/.config/kontor/secret-key`). */
export function keyFilePath(env: NodeJS.ProcessEnv): string {
  if (env.KONTOR_SECRET_KEY_FILE) return env.KONTOR_SECRET_KEY_FILE;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'kontor', 'secret-key');
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function unreadable(path: string, error: unknown): ConfigError {
  return new ConfigError(
    'SECRET_KEY_FILE_UNREADABLE',
    `The secret key file ${path} cannot be read (${code(error) ?? 'error'}). Check it, or set KONTOR_SECRET_KEY_FILE.`,
    { cause: error },
  );
}

/** The keys of the file (current first), or null when there is no file. */
export function readKeyFile(path: string): SecretKey[] | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (code(error) === 'ENOENT') return null;
    throw unreadable(path, error);
  }
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new ConfigError(
        'SECRET_KEY_FILE_OPEN',
        `The secret key file ${path} is open to other users (mode ${mode.toString(8).padStart(4, '0')}). ` +
          `Make it private with: chmod 600 ${path} (if others may have read it, run "kontor secrets rotate" then).`,
      );
    }
    const lines = readFileSync(fd, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    if (lines.length === 0)
      throw new ConfigError('SECRET_KEY_INVALID', `The secret key file ${path} holds no key.`);
    return lines.map((line, index) => parseSecretKey(line, `The secret key file ${path} (key ${index + 1})`));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

function keyFileText(keys: readonly SecretKey[]): string {
  const comment = '# Kontor secret key (the first line seals; keep this file private and backed up)\n';
  return `${comment}${keys.map((key) => `${formatSecretKey(key)}\n`).join('')}`;
}

/** A private temporary file next to `path` with the keys in it. */
function writeTemporary(path: string, keys: readonly SecretKey[]): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, keyFileText(keys), { flag: 'wx', mode: 0o600 });
  return temporary;
}

/** Creates the key file with `key` unless it exists; returns the file's keys (whoever created it). */
export function createKeyFile(path: string, key: SecretKey): SecretKey[] {
  let temporary: string;
  try {
    temporary = writeTemporary(path, [key]);
  } catch (error) {
    throw new ConfigError(
      'SECRET_KEY_FILE_UNWRITABLE',
      `The secret key file ${path} cannot be created (${code(error) ?? 'error'}). Set KONTOR_SECRET_KEY_FILE to a writable place, or KONTOR_SECRET_KEY.`,
      { cause: error },
    );
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if (code(error) !== 'EEXIST') throw unreadable(path, error);
  } finally {
    rmSync(temporary, { force: true });
  }
  const keys = readKeyFile(path);
  if (!keys) throw unreadable(path, new Error('vanished'));
  return keys;
}

/** Replaces the key file's keys at once (rotation): a private temporary file renamed over it. */
export function replaceKeyFile(path: string, keys: readonly SecretKey[]): void {
  const temporary = writeTemporary(path, keys);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw unreadable(path, error);
  }
}
