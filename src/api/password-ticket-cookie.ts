/**
 * The password change ticket (src/users/password-change-tickets.ts) travels as the cookie
 * `kontor_password_ticket`: set by the login of a user who must change the password, sent back only to
 * /api/auth (HttpOnly, SameSite=Strict, 10 minutes), cleared when the password is changed or the user logs
 * out. Like the session id it is a credential, so it never appears in a response body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TICKET_SECONDS } from '../users/password-change-tickets.ts';
import { isLoopback } from './session-cookie.ts';

export const PASSWORD_TICKET_COOKIE = 'kontor_password_ticket';
const PATH = '/api/auth';

export function setPasswordTicketCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  ticket: string,
  options: { secureCookies: boolean },
): void {
  const plainLoopback = request.protocol === 'http' && isLoopback(request.ip);
  reply.setCookie(PASSWORD_TICKET_COOKIE, ticket, {
    httpOnly: true,
    sameSite: 'strict',
    path: PATH,
    secure: options.secureCookies && !plainLoopback,
    maxAge: TICKET_SECONDS,
  });
}

export function passwordTicketOf(request: FastifyRequest): string | null {
  const value = request.cookies[PASSWORD_TICKET_COOKIE];
  return typeof value === 'string' && value !== '' && value.length <= 200 ? value : null;
}

export function clearPasswordTicketCookie(reply: FastifyReply): void {
  reply.clearCookie(PASSWORD_TICKET_COOKIE, { path: PATH, httpOnly: true, sameSite: 'strict' });
}
