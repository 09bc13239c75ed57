/**
 * Guards against using a Db from inside its own transaction callback. On PGlite (one connection) that call
 * would wait for the transaction forever; on a PostgreSQL server it would run outside the transaction and
 * can wait for the transaction's own row locks. Both implementations throw the same BugError instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { BugError } from '../domain/errors.ts';

interface Scope {
  readonly owner: object;
  open: boolean;
  readonly parent: Scope | undefined;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Runs fn as the body of a transaction of `owner`. */
export async function runInTransactionScope<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { owner, open: true, parent: scopes.getStore() };
  try {
    return await scopes.run(scope, fn);
  } finally {
    scope.open = false;
  }
}

/** Throws when called (directly or through awaited calls) from a running transaction callback of `owner`. */
export function assertOutsideTransaction(owner: object, operation: string): void {
  for (let scope = scopes.getStore(); scope; scope = scope.parent) {
    if (scope.open && scope.owner === owner) {
      throw new BugError(
        'DB_USED_INSIDE_TRANSACTION',
        `db.${operation}() was called inside a transaction callback of the same database; use the transaction handle (tx) there.`,
      );
    }
  }
}
