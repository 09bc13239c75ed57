import { expect, it } from 'vitest';
import { EXCERPT_CHARS, maskedExcerpt } from './masked-excerpt.ts';

const TOKEN = 'sekrit-token-4711';

it('cuts a large answer to at most EXCERPT_CHARS characters on one line, secrets masked', () => {
  const customers = Array.from({ length: 500 }, (_, i) => ({
    id: i,
    email: `customer${i}@example.com`,
    note: `token ${TOKEN}\nsecond line`,
  }));
  const excerpt = maskedExcerpt({ items: customers }, [TOKEN]);
  expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS);
  expect(excerpt).not.toContain(TOKEN);
  expect(excerpt).not.toContain('\n');
  expect(excerpt).toContain('customer0@example.com');
  expect(excerpt).not.toContain('customer499@example.com');
  expect(excerpt).toMatch(/… \(\d+ characters\)$/);
});

it('masks before it cuts: a secret at the cut leaves no part of it', () => {
  const secret = 'abcdefghijklmnop';
  const text = `${'x'.repeat(EXCERPT_CHARS - 30)}${secret}${'y'.repeat(100)}`;
  const excerpt = maskedExcerpt(text, [secret]);
  expect(excerpt).not.toContain('abcdefgh');
  expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS);
});

it('keeps a small answer whole, masked; takes strings as they are and survives odd values', () => {
  expect(maskedExcerpt({ error: `bad ${TOKEN}` }, [TOKEN])).toBe('{"error":"bad ***"}');
  expect(maskedExcerpt('<html>oops</html>', [])).toBe('<html>oops</html>');
  expect(maskedExcerpt(undefined, [])).toBe('undefined');
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  expect(maskedExcerpt(circular, [])).toBe('[object Object]');
});
