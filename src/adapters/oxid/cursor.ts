/**
 * The OXID adapter's resume point: the connector's own `next` token of the last page read (opaque to Kontor;
 * the connector encodes the last entry's exact change instant and OXID in it). Text form: "oxid:v1|<token>".
 */
import { ConfigError } from '../../domain/errors.ts';

const PREFIX = 'oxid:v1|';

export function encodeCursor(token: string): string {
  return `${PREFIX}${token}`;
}

export function decodeCursor(text: string): string {
  const token = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!/^[A-Za-z0-9_=.~-]+$/.test(token))
    throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the OXID adapter.`);
  return token;
}
