/**
 * Where the secret keys come from. `KONTOR_SECRET_KEY` (base64 or hex, 32 bytes) when it is set; else the key
 * file (key-file.ts: `KONTOR_SECRET_KEY_FILE` or `~/.config/kontor/secret-key`), created when a secret is first
 * sealed and read again at every use, so a rotation by another process is seen at once. Keys in
 * `KONTOR_SECRET_KEY_PREVIOUS` (comma separated) open but never seal, with either source: that is how a
 * database sealed with another key is given its old key for `kontor secrets rotate`.
 */
import { createKeyFile, keyFilePath, readKeyFile, replaceKeyFile } from './key-file.ts';
import { Keyring } from './keyring.ts';
import { generateSecretKey, parseSecretKey, type SecretKey } from './secret-key.ts';

export const SECRET_KEY_VARIABLE = 'KONTOR_SECRET_KEY';
export const PREVIOUS_KEYS_VARIABLE = 'KONTOR_SECRET_KEY_PREVIOUS';

/** A rotation under way: re-seal with `keyring.current`, then `prepare` (before commit) and `finish` (after). */
export interface KeyRotation {
  /** The new key is current; every key that opened before is previous. */
  keyring: Keyring;
  /** Makes the new key durable before the re-sealed secrets commit (a key file then holds new and old keys). */
  prepare(): void;
  /** After the commit: drops the previous keys no channel uses any more; returns their ids. */
  finish(stillUsed: ReadonlySet<string>): string[];
  /** What the user must still do, if anything (an environment variable is theirs to change). */
  advice: string | null;
}

export interface KeySource {
  /** Where the keys come from, for messages: the variable or the key file's path. */
  readonly description: string;
  /** The keys to open with; null when no key is set and there is no key file yet. */
  openingKeys(): Keyring | null;
  /** The keys to seal with; the key file is created on first use. */
  sealingKeys(): Keyring;
  rotation(): KeyRotation;
}

function previousKeys(env: NodeJS.ProcessEnv): SecretKey[] {
  const text = env[PREVIOUS_KEYS_VARIABLE]?.trim();
  if (!text) return [];
  return text
    .split(/[\s,]+/)
    .map((value, index) => parseSecretKey(value, `${PREVIOUS_KEYS_VARIABLE} (key ${index + 1})`));
}

function environmentSource(env: NodeJS.ProcessEnv, value: string): KeySource {
  let parsed: Keyring | null = null;
  // Parsed at first use: a wrong key stops what needs a key, not every command.
  const keyring = (): Keyring => {
    parsed ??= new Keyring(
      parseSecretKey(value, SECRET_KEY_VARIABLE),
      previousKeys(env),
      SECRET_KEY_VARIABLE,
    );
    return parsed;
  };
  return {
    description: SECRET_KEY_VARIABLE,
    openingKeys: keyring,
    sealingKeys: keyring,
    rotation: () => ({
      keyring: keyring(),
      prepare: () => {},
      finish: () => [],
      advice:
        keyring().previous.length > 0
          ? `Remove ${PREVIOUS_KEYS_VARIABLE} from the environment of every Kontor process now.`
          : null,
    }),
  };
}

function fileSource(env: NodeJS.ProcessEnv): KeySource {
  const path = keyFilePath(env);
  const previous = () => previousKeys(env);
  const ring = (keys: readonly SecretKey[]): Keyring => {
    const [current, ...older] = keys as [SecretKey, ...SecretKey[]];
    return new Keyring(current, [...older, ...previous()], path);
  };
  return {
    description: path,
    openingKeys() {
      const keys = readKeyFile(path);
      return keys ? ring(keys) : null;
    },
    sealingKeys: () => ring(readKeyFile(path) ?? createKeyFile(path, generateSecretKey())),
    rotation() {
      const old = readKeyFile(path) ?? [];
      const next = generateSecretKey();
      const given = previous();
      return {
        keyring: new Keyring(next, [...old, ...given], path),
        prepare: () => replaceKeyFile(path, [next, ...old]),
        finish(stillUsed) {
          const kept = old.filter((key) => stillUsed.has(key.id));
          replaceKeyFile(path, [next, ...kept]);
          return old.filter((key) => !stillUsed.has(key.id)).map((key) => key.id);
        },
        advice: given.length > 0 ? `Remove ${PREVIOUS_KEYS_VARIABLE} from the environment now.` : null,
      };
    },
  };
}

/** The key source of a process environment (the variables are read now, the key file at every use). */
export function keySourceFrom(env: NodeJS.ProcessEnv = process.env): KeySource {
  const value = env[SECRET_KEY_VARIABLE];
  return value === undefined || value === '' ? fileSource(env) : environmentSource(env, value);
}
