/**
 * Keeps secrets (tokens, client secrets) out of anything a user or a log may see. Every message and
 * detail the HTTP client builds goes through `redact` with the secrets of the channel it talks to.
 */
const MASK = '***';

/** Replaces every occurrence of each secret (of 4 characters or more) with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join(MASK);
  }
  return result;
}
