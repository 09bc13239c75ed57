/**
 * The secret box: AES-256-GCM with a random 12-byte IV per seal. A sealed text is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (each part base64url). The version, the key id and the caller's context
 * (the name of the setting) are authenticated as associated data, so a sealed value cannot be moved to
 * another setting or have its header changed without failing to open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretKey } from './secret-key.ts';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PART = /^[A-Za-z0-9_-]*$/;

interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function associatedData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}

export function seal(key: SecretKey, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.bytes, iv);
  cipher.setAAD(associatedData(key.id, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, key.id, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

function parse(sealed: string): SealedParts | null {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !parts.every((part) => PART.test(part))) return null;
  const [, keyId = '', iv = '', tag = '', ciphertext = ''] = parts;
  const result = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (keyId === '' || result.iv.length !== IV_BYTES || result.tag.length !== TAG_BYTES) return null;
  return result;
}

/** The id of the key a text was sealed with, or null if it is no sealed text of a known version. */
export function sealedKeyId(sealed: string): string | null {
  return parse(sealed)?.keyId ?? null;
}

/** The plaintext, or null when the text is malformed, sealed with another key or changed. */
export function open(key: SecretKey, sealed: string, context: string): string | null {
  const parts = parse(sealed);
  if (!parts || parts.keyId !== key.id) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, key.bytes, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(parts.keyId, context));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
