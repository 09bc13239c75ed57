/**
 * No string the API takes may hold a NUL character (U+0000): PostgreSQL text cannot store one, so it would
 * otherwise fail in the database (500). A preValidation hook looks through the path parameters, the query
 * and the body (values and keys) and answers 400 INVALID_INPUT naming the first field that holds one.
 */
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../domain/errors.ts';

const NUL = '\u0000';

/** A value to look at and where it is: its key and its parent's place (the path is built only on a hit). */
interface Place {
  value: unknown;
  key: string | null;
  parent: Place | null;
}

function pathOf(place: Place | null): string {
  const keys: string[] = [];
  for (let at = place; at && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * The dotted path of the first string (or key) with a NUL, '' for the value itself; null when none. One
 * visit per value: linear in the size of the value however deeply it nests.
 */
export function findNul(value: unknown): string | null {
  const pending: Place[] = [{ value, key: null, parent: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return pathOf(next);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        pending.push({ value: current[i], key: String(i), parent: next });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) if (key.includes(NUL)) return pathOf(next);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        pending.push({ value: child, key, parent: next });
      }
    }
  }
  return null;
}

const PARTS = [
  ['params', 'path'],
  ['query', 'query'],
  ['body', 'request body'],
] as const;

export async function nulGuard(request: FastifyRequest): Promise<void> {
  // API routes only: the web UI's wildcard route answers unknown paths itself.
  if (request.is404 || !(request.routeOptions.url ?? '').startsWith('/api/')) return;
  for (const [part, where] of PARTS) {
    const field = findNul(request[part]);
    if (field === null) continue;
    throw new InvalidInputError(
      field === ''
        ? `The ${where} must not contain NUL characters.`
        : `${field} must not contain NUL characters.`,
      field === '' ? {} : { field },
    );
  }
}
