/**
 * Keeps secrets (tokens, client secrets, passwords) out of anything a user or a log may see: every message
 * and detail the HTTP client builds, every excerpt of a shop's answer and every run error goes through
 * `redact` with the secrets of the channel. A secret is masked as *** in each form a shop or a library may
 * echo it in:
 * - as it is, and JSON-escaped (a secret with a quote or backslash inside a JSON body);
 * - URL-encoded (encodeURIComponent, and form encoding with + for spaces);
 * - hex (either case);
 * - base64 and base64url, with and without padding, and also *inside* a longer base64 text (e.g.
 *   `Basic base64(user:secret)`): the characters that encode only the secret's bytes, at each of the three
 *   byte alignments, when they are at least MIN_CORE characters long.
 * Secrets of 4 characters or more are masked wherever they occur. Shorter ones (and their short encodings)
 * only as a whole token, not touching a letter or digit: masking "ab" inside every word would wreck messages
 * ("t***le"), while a short secret that a shop echoes stands alone (`key=ab`, `"ab"`, `Bearer ab`).
 */
export const MASK = '***';

/** Secrets at least this long are masked anywhere; shorter ones as whole tokens only. */
export const SUBSTRING_MIN = 4;
/** A base64 core shorter than this could match by chance, so it is not masked on its own. */
const MIN_CORE = 8;

interface Form {
  text: string;
  ignoreCase: boolean;
  wholeToken: boolean;
}

/** Replaces every form of each secret with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = secrets.flatMap(formsOf);
  forms.sort((a, b) => b.text.length - a.text.length);
  let result = text;
  for (const form of forms) result = replaceForm(result, form);
  return result;
}

function formsOf(secret: string): Form[] {
  if (secret === '') return [];
  const wholeToken = secret.length < SUBSTRING_MIN;
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  const texts = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ''),
    toUrlAlphabet(base64),
    toUrlAlphabet(base64).replace(/=+$/, ''),
  ]);
  const forms: Form[] = [...texts].map((form) => ({ text: form, ignoreCase: false, wholeToken }));
  forms.push({ text: bytes.toString('hex'), ignoreCase: true, wholeToken });
  if (!wholeToken) {
    for (const core of base64Cores(bytes)) {
      forms.push({ text: core, ignoreCase: false, wholeToken: false });
      forms.push({ text: toUrlAlphabet(core), ignoreCase: false, wholeToken: false });
    }
  }
  return forms;
}

/**
 * The base64 characters that depend only on the secret's bytes when it starts at byte offset 0, 1 or 2 of a
 * longer encoded text: character j covers bits 6j..6j+5.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(3)]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    if (core.length >= MIN_CORE) cores.push(core);
  }
  return cores;
}

function toUrlAlphabet(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_');
}

function replaceForm(text: string, form: Form): string {
  if (!form.ignoreCase && !form.wholeToken) return text.split(form.text).join(MASK);
  const escaped = form.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = form.wholeToken ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped;
  return text.replace(new RegExp(pattern, form.ignoreCase ? 'giu' : 'gu'), MASK);
}
