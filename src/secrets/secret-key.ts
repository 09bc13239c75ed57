/**
 * A key that seals channel secrets: 32 random bytes (AES-256) and a short id derived from them, which every
 * sealed text names so that the right key (or its absence) is found without trying them all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ConfigError } from '../domain/errors.ts';

export const KEY_BYTES = 32;

export interface SecretKey {
  /** 8 characters of base64url: a hash of the key (it names the key and tells nothing about it). */
  readonly id: string;
  readonly bytes: Buffer;
}

export function secretKey(bytes: Buffer): SecretKey {
  if (bytes.length !== KEY_BYTES) throw new RangeError(`A secret key has ${KEY_BYTES} bytes.`);
  const id = createHash('sha256').update('kontor secret key id\0').update(bytes).digest('base64url');
  return { id: id.slice(0, 8), bytes };
}

export function generateSecretKey(): SecretKey {
  return secretKey(randomBytes(KEY_BYTES));
}

/** The key as written into a key file or an environment variable: base64. */
export function formatSecretKey(key: SecretKey): string {
  return key.bytes.toString('base64');
}

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Reads a key written as base64 / base64url (44 or 43 characters) or hex (64 characters). Anything else is a
 * ConfigError SECRET_KEY_INVALID naming `source` (a variable or a file), never the value.
 */
export function parseSecretKey(text: string, source: string): SecretKey {
  const value = text.trim();
  let bytes: Buffer | null = null;
  if (HEX.test(value)) bytes = Buffer.from(value, 'hex');
  else if (BASE64.test(value)) bytes = Buffer.from(value.replace(/=$/, ''), 'base64url');
  if (bytes?.length !== KEY_BYTES) {
    throw new ConfigError(
      'SECRET_KEY_INVALID',
      `${source} does not hold a secret key: it must be ${KEY_BYTES} bytes written as base64 (44 characters) ` +
        'or hex (64 characters). Create one with: openssl rand -base64 32',
    );
  }
  return secretKey(bytes);
}
