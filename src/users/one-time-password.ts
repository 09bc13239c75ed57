/**
 * One-time passwords for a new user or a reset: 16 random characters of Crockford's base32 alphabet (no I, L,
 * O, U: nothing to misread), in 4 groups of 4, e.g. "7QKM-2XHD-9RTA-B4NW": 80 random bits.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
