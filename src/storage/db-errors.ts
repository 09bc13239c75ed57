/** Errors and checks shared by both Db implementations, so they fail the same way. */
import { BugError } from '../domain/errors.ts';

export function closedError(location: string): BugError {
  return new BugError('DB_CLOSED', `The database ${location} was closed and cannot be used any more.`);
}

export function transactionClosedError(): BugError {
  return new BugError(
    'DB_TRANSACTION_CLOSED',
    'The transaction has ended; its handle cannot be used any more.',
  );
}

/** COMMIT turned into ROLLBACK because a statement failed inside the transaction and the error was swallowed. */
export function transactionAbortedError(cause: unknown): BugError {
  return new BugError(
    'DB_TRANSACTION_ABORTED',
    'The transaction was rolled back instead of committed, because a statement in it failed.',
    { cause },
  );
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** LISTEN channels are plain lower-case identifiers, so both implementations name them the same way. */
export function assertChannelName(channel: string): void {
  if (!CHANNEL_NAME.test(channel)) {
    throw new BugError('DB_CHANNEL_INVALID', `"${channel}" is not a valid notification channel name.`);
  }
}

/**
 * True when the database refused the data itself (SQLSTATE class 22 data exception or 23 integrity
 * constraint violation): writing other records may still succeed.
 */
export function isDataRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
