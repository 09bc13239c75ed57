/**
 * A stored secret goes only where it went before: an edit that moves a channel's URL to another origin (scheme,
 * host and port) must give every secret that is set again (or clear it), else a user who may edit channels could
 * point the channel at a host of theirs and have Test connection send them the secret.
 */
import { InvalidInputError } from '../domain/errors.ts';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses (InvalidInputError at `settings.<key>`) an edit from `storedUrl` to `url` on another origin that keeps
 * the stored secrets `kept`. A URL that does not parse is left to validation.
 */
export function requireSecretsOnNewOrigin(storedUrl: string, url: string, kept: readonly string[]): void {
  const before = originOf(storedUrl);
  const after = originOf(url);
  if (kept.length === 0 || after === null || before === after) return;
  const names = kept.map((key) => `"${key}"`).join(', ');
  throw new InvalidInputError(
    `Enter the secret again: the URL's host changed (${before ?? storedUrl} to ${after}), and a stored secret is sent only where it was sent before. Give ${names} in the same edit, or clear ${kept.length === 1 ? 'it' : 'them'}.`,
    { field: `settings.${kept[0]}` },
  );
}

/** The stored secrets an edit keeps: set now, neither given a new value nor cleared. */
export function keptSecrets(
  secretKeys: readonly string[],
  stored: readonly string[],
  given: Readonly<Record<string, string>>,
  clear: readonly string[] = [],
): string[] {
  return secretKeys.filter(
    (key) => stored.includes(key) && !clear.includes(key) && (given[key] ?? '').trim() === '',
  );
}
