import { expect, it } from 'vitest';
import { MASK, redact } from './redact.ts';

const TOKEN = 'sekrit-token-4711';

it('masks a secret as it is, JSON-escaped, URL-encoded, in hex, base64 and base64url', () => {
  const secret = 'p/w+d?x "q" ü~';
  const b64 = Buffer.from(secret).toString('base64');
  const copies = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret).toString('hex').toUpperCase(),
    b64,
    b64.replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
  for (const copy of copies) {
    const masked = redact(`the shop said: [${copy}] is wrong`, [secret]);
    expect(masked, copy).toBe(`the shop said: [${MASK}] is wrong`);
  }
});

it('masks a base64 copy of a secret inside a longer base64 text, at every byte alignment', () => {
  for (const prefix of ['u:', 'us:', 'use:', 'user:']) {
    const basic = Buffer.from(`${prefix}${TOKEN}`).toString('base64');
    const masked = redact(`Authorization: Basic ${basic} refused`, [TOKEN]);
    expect(masked, prefix).toContain(MASK);
    // What is left of the encoded text cannot be decoded back to the token or most of it.
    const left = masked.replace(/^Authorization: Basic /, '').replace(/ refused$/, '');
    expect(Buffer.from(left.replace(MASK, ''), 'base64').toString('latin1'), prefix).not.toContain('token');
  }
});

it('masks a secret of 4 or more characters inside words, a shorter one only as a whole token', () => {
  expect(redact(`xx${TOKEN}yy`, [TOKEN])).toBe(`xx${MASK}yy`);
  expect(redact('abcd-abcdef', ['abcd'])).toBe(`${MASK}-${MASK}ef`);
  const short = 'k9';
  expect(redact('key=k9&page=2', [short])).toBe(`key=${MASK}&page=2`);
  expect(redact('{"apiKey":"k9"} Bearer k9.', [short])).toBe(`{"apiKey":"${MASK}"} Bearer ${MASK}.`);
  // Not inside other words or numbers: the message stays readable.
  expect(redact('k9x 2k9 ak9b', [short])).toBe('k9x 2k9 ak9b');
  // Its encodings as whole tokens too: base64 "azk=", hex "6b39".
  expect(redact('auth azk= hex 6B39', [short])).toBe(`auth ${MASK} hex ${MASK}`);
  expect(redact('x', [''])).toBe('x');
});

it('masks the longest form first, so no part of a longer copy is left', () => {
  const secret = 'abcd';
  expect(redact(`%61bcd ${encodeURIComponent('abcd é')}`, [secret, 'abcd é'])).toBe(`%61bcd ${MASK}`);
});
