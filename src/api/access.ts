/**
 * Who may call what. Every /api request: state-changing methods need the header `X-Kontor-Request: 1`
 * (a cross-site form cannot set it); the session cookie gives `request.user`; a route's `config.access` says
 * who may call it (default: any logged-in user); until a user has changed a one-time password only
 * /api/auth/* answers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthError } from '../domain/errors.ts';
import type { User } from '../domain/user.ts';
import type { ApiContext } from './api-context.ts';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.ts';

export type Access = 'public' | 'user' | 'administrator';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    /** SHA-256 of the session id of this request, if logged in. */
    sessionIdHash: string | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** A public route that never looks at the session (no database): GET /api/health. */
    sessionless?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Served by @fastify/swagger(-ui): readable without login. */
const PUBLIC_PREFIXES = ['/api/docs', '/api/openapi.json'];

export function forbidden(message: string): AuthError {
  return new AuthError('FORBIDDEN', message);
}

export function accessHook(ctx: ApiContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Only API routes: not the web UI's files (its wildcard route also sees unknown /api paths, which answer
    // 404 to whoever asks, like every unknown route).
    const route = request.routeOptions.url ?? '';
    if (request.is404 || !route.startsWith('/api/')) return;
    const path = request.url.split('?')[0] ?? '';
    if (UNSAFE.has(request.method) && request.headers['x-kontor-request'] !== '1') {
      throw new AuthError(
        'CSRF_HEADER_MISSING',
        'This request needs the header "X-Kontor-Request: 1" (protection against cross-site requests).',
      );
    }
    if (request.routeOptions.config?.sessionless === true) return;
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await ctx.sessions.resolve(cookie) : null;
    if (cookie && !session) clearSessionCookie(reply);
    request.user = session?.user ?? null;
    request.sessionIdHash = session?.idHash ?? null;
    request.oltp = session?.oltp ?? null;

    const configured = request.routeOptions.config?.access;
    const access: Access =
      configured ?? (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix)) ? 'public' : 'user');
    if (access === 'public') return;
    if (!request.user) throw new AuthError('AUTH_REQUIRED', 'Please log in (or your session has expired).');
    if (request.user.mustChangePassword && !path.startsWith('/api/auth/')) {
      throw new AuthError(
        'PASSWORD_CHANGE_REQUIRED',
        'You logged in with a one-time password: choose your own password first.',
      );
    }
    if (access === 'administrator' && request.user.role !== 'administrator')
      throw forbidden('Only an administrator may do this.');
  };
}

/** The logged-in user of a route that is not public (the hook has checked it). */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new AuthError('AUTH_REQUIRED', 'Please log in (or your session has expired).');
  return request.user;
}

export function isAdministrator(user: User): boolean {
  return user.role === 'administrator';
}
