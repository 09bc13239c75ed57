/**
 * The request log of `kontor serve`: one line per answered request, `METHOD path?keys STATUS 12ms user ip`,
 * with the fields reqId, user, method, url, route, status, ms and ip (json format). Query values are left
 * out (only their names are shown), and so are cookies, headers and bodies: nothing a user typed or a secret
 * can reach the log through it. Every request gets an id (X-Request-Id in the answer; behind a trusted proxy
 * the proxy's X-Request-Id, when it looks like one) and a logger whose lines carry it and, once known, the user.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../domain/logger.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's logger: its lines carry reqId and (after the access check) user. */
    logger: Logger;
  }
}

/** The path with the names of the query parameters only: `/api/partners?q=a&limit=5` -> `/api/partners?q=&limit=`. */
export function loggedUrl(url: string): string {
  const index = url.indexOf('?');
  if (index < 0) return url;
  const keys = url
    .slice(index + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => `${part.split('=')[0]}=`);
  return keys.length === 0 ? url.slice(0, index) : `${url.slice(0, index)}?${keys.join('&')}`;
}

export function requestLogLine(request: FastifyRequest, reply: FastifyReply): string {
  const ms = Math.round(reply.elapsedTime);
  const user = request.user?.name ?? '-';
  return `${request.method} ${loggedUrl(request.url)} ${reply.statusCode} ${ms}ms ${user} ${request.ip}`;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: the trusted proxy's X-Request-Id if it is a plain token, else a new UUID. */
export function requestIdOf(trustProxy: boolean) {
  return (request: IncomingMessage): string => {
    const given = request.headers['x-request-id'];
    if (trustProxy && typeof given === 'string' && REQUEST_ID.test(given)) return given;
    return randomUUID();
  };
}

/** onRequest: the request's logger (with reqId) and the X-Request-Id header of the answer. */
export function requestLoggerHook(logger: Logger) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.logger = logger.child({ reqId: request.id });
    reply.header('x-request-id', request.id);
  };
}

/** Requests whose logger carries the user already. */
const userBound = new WeakSet<FastifyRequest>();

/** preHandler (after the access check): the user joins the request's logger. */
export async function requestUserHook(request: FastifyRequest): Promise<void> {
  if (!request.user || !request.logger) return;
  request.logger = request.logger.child({ user: request.user.name });
  userBound.add(request);
}

/** The user field of a line, unless the request's logger carries it already (each field once per line). */
export function userField(request: FastifyRequest): { user?: string | null } {
  return userBound.has(request) ? {} : { user: request.user?.name ?? null };
}

/** An onResponse hook that writes the request's line (`fallback`: a request answered before onRequest ran). */
export function requestLogHook(fallback: Logger) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    (request.logger ?? fallback.child({ reqId: request.id })).info(requestLogLine(request, reply), {
      event: 'request',
      ...userField(request),
      method: request.method,
      url: loggedUrl(request.url),
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ip: request.ip,
    });
  };
}

/** What the server log gets of an error answered with a 5xx: its detail and the stack (with its causes'). */
export function errorStack(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.stack) parts.push(depth === 0 ? current.stack : `Caused by: ${current.stack}`);
    current = current.cause;
  }
  return parts.join('\n');
}
