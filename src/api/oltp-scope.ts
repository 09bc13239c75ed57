/**
 * Every API call works on the OLTP database of its session (chosen at login, switched in the header). The
 * access hook puts that name on the request; this preHandler runs the handler inside an async scope holding
 * it, and the API's Db handle reads the scope at each statement: its search_path is that OLTP database's
 * schema, then the shared tables. Without a session (login, health) only the shared tables are on the path.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { BugError } from '../domain/errors.ts';
import type { Db } from '../storage/db.ts';
import { oltpSearchPath } from '../storage/oltp-schema.ts';
import { DEFAULT_SEARCH_PATH } from '../storage/search-path.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The OLTP database of the request's session; null without a session. */
    oltp: string | null;
  }
}

const scope = new AsyncLocalStorage<string>();

/** preHandler: the handler (and everything it starts) runs with the request's OLTP database. */
export function oltpScopeHook(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  if (request.oltp === null) return done();
  scope.run(request.oltp, done);
}

/** The API's handle: the search_path follows the OLTP database of the request being handled. */
export function requestOltpDb(db: Db): Db {
  return db.withSearchPath(() => {
    const oltp = scope.getStore();
    return oltp === undefined ? DEFAULT_SEARCH_PATH : oltpSearchPath(oltp);
  });
}

/** The OLTP database of the request being handled (a route that needs one runs behind the access hook). */
export function requestOltp(request: FastifyRequest): string {
  if (request.oltp === null)
    throw new BugError('OLTP_NOT_RESOLVED', 'This request has no session, so no OLTP database.');
  return request.oltp;
}
