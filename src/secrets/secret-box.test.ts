import { describe, expect, it } from 'vitest';
import { open, seal, sealedKeyId } from './secret-box.ts';
import { generateSecretKey } from './secret-key.ts';

const key = generateSecretKey();
const SEALED = /^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

describe('the secret box', () => {
  it('seals into v1.<keyId>.<iv>.<tag>.<ciphertext> and opens again', () => {
    const sealed = seal(key, 'tökén-1234', 'token');
    expect(sealed).toMatch(SEALED);
    expect(sealedKeyId(sealed)).toBe(key.id);
    expect(sealed).not.toContain('1234');
    expect(open(key, sealed, 'token')).toBe('tökén-1234');
    expect(open(key, seal(key, '', 'token'), 'token')).toBe('');
  });

  it('takes a fresh IV at every seal', () => {
    const seals = new Set(Array.from({ length: 50 }, () => seal(key, 'same', 'token')));
    expect(seals.size).toBe(50);
    expect(new Set([...seals].map((sealed) => sealed.split('.')[2])).size).toBe(50);
  });

  it('opens nothing with another key, another setting name or a changed text', () => {
    const sealed = seal(key, 'secret-value', 'token');
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.') as [
      string,
      string,
      string,
      string,
      string,
    ];
    expect(open(generateSecretKey(), sealed, 'token')).toBeNull();
    expect(open(key, sealed, 'clientSecret')).toBeNull();
    const flipped = `${ciphertext.startsWith('A') ? 'B' : 'A'}${ciphertext.slice(1)}`;
    for (const changed of [
      [version, keyId, iv, tag, flipped].join('.'),
      [version, keyId, iv, `${tag.startsWith('A') ? 'B' : 'A'}${tag.slice(1)}`, ciphertext].join('.'),
      ['v2', keyId, iv, tag, ciphertext].join('.'),
      [version, keyId, iv, tag].join('.'),
      'secret-value',
    ]) {
      expect(open(key, changed, 'token'), changed).toBeNull();
    }
    expect(sealedKeyId('secret-value')).toBeNull();
  });
});
