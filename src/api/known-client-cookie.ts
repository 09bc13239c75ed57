/**
 * The known-client cookie `kontor_client` (src/users/login-client.ts): set after every successful login, for
 * 30 days, only sent to /api/auth (HttpOnly, SameSite=Strict, Secure like the session cookie). It lets the
 * login throttle tell the user's own browser from everyone else at the same address.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KNOWN_CLIENT_DAYS, type LoginClient } from '../users/login-client.ts';
import { isLoopback } from './session-cookie.ts';

export const KNOWN_CLIENT_COOKIE = 'kontor_client';
const PATH = '/api/auth';

/** The login client of a request: its address and known-client cookie. */
export function loginClientOf(request: FastifyRequest): LoginClient {
  return { address: request.ip, knownClientId: request.cookies[KNOWN_CLIENT_COOKIE] ?? null };
}

export function setKnownClientCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  options: { secureCookies: boolean },
): void {
  const plainLoopback = request.protocol === 'http' && isLoopback(request.ip);
  reply.setCookie(KNOWN_CLIENT_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    path: PATH,
    secure: options.secureCookies && !plainLoopback,
    maxAge: KNOWN_CLIENT_DAYS * 86_400,
  });
}
