/** The version of this Kontor (package.json), shown by /api/health and in the OpenAPI document. */
import { readFileSync } from 'node:fs';

export const KONTOR_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
