/**
 * The session cookie `kontor_session`: HttpOnly, SameSite=Strict, Path=/, and Secure unless the server runs with
 * insecure cookies or the request came over plain HTTP on loopback (a browser would not send it back there).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'kontor_session';

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  options: { secureCookies: boolean; maxAgeSeconds: number },
): void {
  const plainLoopback = request.protocol === 'http' && isLoopback(request.ip);
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: options.secureCookies && !plainLoopback,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
