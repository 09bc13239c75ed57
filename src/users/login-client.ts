/**
 * Who is logging in, as far as the login throttle cares: the client's address and, if the browser sent one, the
 * id of its known-client cookie (`kontor_client`, set after a successful login). A browser that logged in as
 * the name within KNOWN_CLIENT_DAYS is a *known client*: it has a throttle count of its own (so nobody else
 * can lock it out) and is slowed down rather than refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../storage/db.ts';
import { isKnownClient, rememberKnownClient } from '../storage/known-client-store.ts';
import type { ThrottleKey } from '../storage/login-throttle-store.ts';

export interface LoginClient {
  /** The client's IP address (behind `--trust-proxy`: from X-Forwarded-For). */
  address: string;
  /** The id in the client's `kontor_client` cookie, if it sent one. */
  knownClientId?: string | null;
}

/** The command line and other callers without a network client. */
export const LOCAL_CLIENT: LoginClient = { address: 'local' };

export const KNOWN_CLIENT_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ThrottleSubject extends ThrottleKey {
  known: boolean;
}

export function hashKnownClientId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

const nameKeyOf = (name: string) => name.trim().toLowerCase();

/** The throttle count this attempt belongs to: the known client's own, or the address's. */
export async function throttleSubject(
  db: Queryable,
  name: string,
  client: LoginClient,
  now: Date,
): Promise<ThrottleSubject> {
  const nameKey = nameKeyOf(name);
  const id = client.knownClientId;
  if (id) {
    const idHash = hashKnownClientId(id);
    const since = new Date(now.getTime() - KNOWN_CLIENT_DAYS * DAY_MS);
    if (await isKnownClient(db, idHash, name, since))
      return { nameKey, clientKey: `known:${idHash}`, known: true };
  }
  return { nameKey, clientKey: `ip:${client.address}`, known: false };
}

/**
 * After a successful login: the client is known as this user from now on. Returns the id for its cookie (the
 * one it sent, or a new one).
 */
export async function rememberClient(
  db: Queryable,
  userName: string,
  knownClientId: string | null | undefined,
  now: Date,
): Promise<string> {
  const id = knownClientId && /^[A-Za-z0-9_-]{43}$/.test(knownClientId) ? knownClientId : newId();
  const forgetBefore = new Date(now.getTime() - KNOWN_CLIENT_DAYS * DAY_MS);
  await rememberKnownClient(db, hashKnownClientId(id), userName, now, forgetBefore);
  return id;
}

function newId(): string {
  return randomBytes(32).toString('base64url');
}
