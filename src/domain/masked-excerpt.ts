/**
 * What of a shop's unexpected answer may go into an error's detail and so into logs and standard error: an
 * excerpt of at most EXCERPT_CHARS characters on one line, with the channel's secrets masked (redact.ts)
 * before it is cut (so no cut can leave half a secret). Never the whole body: it may hold many customers.
 */
import { redact } from './redact.ts';

export const EXCERPT_CHARS = 300;

/** The value as JSON (a string as it is), masked, on one line, cut to at most `max` characters. */
export function maskedExcerpt(value: unknown, secrets: readonly string[], max = EXCERPT_CHARS): string {
  const masked = redact(textOf(value), secrets).replace(/\s+/g, ' ');
  if (masked.length <= max) return masked;
  const suffix = `… (${masked.length} characters)`;
  return `${masked.slice(0, Math.max(0, max - suffix.length))}${suffix}`;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
