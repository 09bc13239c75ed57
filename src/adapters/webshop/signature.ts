/**
 * Request signing of protocol 17: HMAC-SHA256 with the shop's synchronization key over a canonical text
 * of the request (method, path, sorted query, timestamp, protocol, shop name), hex encoded. The webshop
 * recomputes it and refuses requests whose timestamp is more than 300 seconds off its clock.
 * See docs/protocols/webshop.md for a worked example.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedParts {
  method: string;
  /** The URL path, e.g. "/api/erp/customers". */
  path: string;
  /** Query parameters (decoded values). */
  query: ReadonlyArray<readonly [string, string]>;
  /** Unix time in seconds, as sent in X-Webshop-Timestamp. */
  timestamp: string;
  protocol: string;
  shop: string;
}

/** The text that is signed: one part per line. */
export function canonicalRequest(parts: SignedParts): string {
  const query = [...parts.query]
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .sort()
    .join('&');
  return [parts.method.toUpperCase(), parts.path, query, parts.timestamp, parts.protocol, parts.shop].join(
    '\n',
  );
}

export function sign(key: string, parts: SignedParts): string {
  return createHmac('sha256', key).update(canonicalRequest(parts), 'utf8').digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function signatureMatches(key: string, parts: SignedParts, received: string): boolean {
  const expected = Buffer.from(sign(key, parts), 'utf8');
  const given = Buffer.from(received.trim().toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
