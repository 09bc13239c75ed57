/**
 * The one small database interface Kontor uses. Two implementations: PGlite (embedded, default) and a
 * PostgreSQL server (node-postgres). All SQL is plain PostgreSQL and runs on both.
 *
 * Both implementations return the SAME JavaScript types for the same SQL (one parser table,
 * src/storage/type-parsers.ts):
 *
 * | PostgreSQL type                          | JavaScript                                             |
 * | ---------------------------------------- | ------------------------------------------------------ |
 * | int2, int4, oid, float4, float8          | number                                                 |
 * | int8 (bigint, count(*), bigserial)       | string (exact; convert with Number() or BigInt())      |
 * | numeric                                  | string (exact)                                         |
 * | bool                                     | boolean                                                |
 * | text, varchar, char, uuid, enums, others | string                                                 |
 * | timestamptz                              | Date (millisecond precision; 'infinity' -> Infinity)   |
 * | date, timestamp (without tz), time       | string as PostgreSQL prints it ('2024-05-31')          |
 * | interval                                 | string ('1 day 02:00:00')                              |
 * | json, jsonb                              | parsed value (object, array, string, number, ...)      |
 * | bytea                                    | Buffer                                                 |
 * | arrays of the above (text[], int8[], ...) | JS arrays of the element type (NULL -> null)          |
 * | NULL                                     | null                                                   |
 *
 * Sessions run with TimeZone UTC and DateStyle ISO on both implementations.
 *
 * Parameters ($1, $2, ...): numbers, strings, booleans, bigint, Date (sent as an ISO instant), null and
 * undefined (both NULL), Buffer/Uint8Array (bytea), JS arrays for array parameters. Give arrays an explicit
 * type in SQL: `unnest($1::text[])`, `= any($1::bigint[])`. jsonb parameters take a JS object or a JSON
 * string; pass a JS ARRAY meant as JSON as `JSON.stringify(array)` (node-postgres would send it as a
 * PostgreSQL array).
 *
 * SQL errors are thrown as the driver raised them; on both they carry the SQLSTATE in `code` (e.g. '23505')
 * and `constraint`. A PostgreSQL server that cannot be reached raises a TransientError.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned (SELECT) or affected (INSERT/UPDATE/DELETE); 0 for other statements. */
  rowCount: number;
}

export interface Queryable {
  /** One parameterised statement ($1, $2, ...). Several statements in one string are refused. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/** The handle a transaction callback gets. Functions that only query should accept `Queryable`. */
export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters inside the transaction (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The schemas of a search_path, first first (lower-case SQL identifiers, e.g. ['oltp_test', 'public']), or a
 * function read at each statement and transaction (the API: the OLTP database of the request).
 */
export type SearchPath = readonly string[] | (() => readonly string[]);

/** Called with the payload of each NOTIFY on the channel. */
export type NotifyHandler = (payload: string) => void;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** A human-readable location without secrets (folder, or postgres://user@host:port/database). */
  readonly location: string;
  /**
   * Runs fn in one transaction: committed when it resolves, rolled back when it throws. Inside fn use only
   * `tx`: calling this Db (query, transaction, exec, listen) from inside fn throws a BugError, because on
   * PGlite (one connection) it would wait for the transaction forever. If a statement failed inside fn and fn
   * swallowed the error, the commit turns into a rollback and a BugError (DB_TRANSACTION_ABORTED) is thrown.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * LISTENs on a channel (a lower-case SQL identifier: letters, digits, underscores). Returns a function that
   * stops listening. Notifications are wake-up hints: they are delivered after the notifying transaction
   * commits, and can be lost while a server connection is being re-established, so keep polling as a fallback.
   */
  listen(channel: string, onNotify: NotifyHandler): Promise<() => Promise<void>>;
  /**
   * A handle on the same database (the same connections and transaction guard) whose statements and
   * transactions run with this search_path; a handle from openDb runs with ['public']. Unqualified SQL then
   * finds the tables of the first schema that has them (docs/development.md "OLTP databases").
   */
  withSearchPath(path: SearchPath): Db;
  /** Waits for running work, then closes; idempotent. Using the Db afterwards throws. Closes every handle. */
  close(): Promise<void>;
}
