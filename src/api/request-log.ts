/**
 * The request log of `kontor serve`: one line per answered request, `METHOD path?keys STATUS 12ms user ip`.
 * Query values are left out (only their names are shown), and so are cookies, headers and bodies: nothing a
 * user typed or a secret can reach the log through it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** An onResponse hook that writes the request's line. */
export function requestLogHook(log: (line: string) => void) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    log(requestLogLine(request, reply));
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
