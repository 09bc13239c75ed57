/**
 * A PostgreSQL server through node-postgres: a connection pool for queries and transactions, one dedicated
 * connection for LISTEN. Results are parsed with the same table as PGlite (type-parsers.ts), set on this
 * pool only (never on pg's global types). Sessions run with TimeZone UTC and DateStyle ISO like PGlite.
 */
import pg from 'pg';
import type { Db, NotifyHandler, QueryResult, SearchPath, Transaction } from './db.ts';
import {
  assertChannelName,
  closedError,
  transactionAbortedError,
  transactionClosedError,
} from './db-errors.ts';
import { PgListener } from './pg-listener.ts';
import {
  describePostgresUrl,
  isConnectionError,
  mapPostgresError,
  parsePostgresUrl,
} from './postgres-errors.ts';
import { preparedName } from './prepared-sql.ts';
import { DEFAULT_SEARCH_PATH, searchPathText, setSearchPathSql } from './search-path.ts';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-scope.ts';
import { ARRAY_TYPES_SQL, builtinArrayElements, parserFor, prepareParam } from './type-parsers.ts';

export interface PostgresDbOptions {
  /** Pool size (default 10). Every application server holds up to this many connections, plus one for LISTEN. */
  max?: number;
  /** Cancels statements running longer than this (default 120 s; migrations lift it). */
  statementTimeoutMs?: number;
  /** Ends sessions idle inside a transaction longer than this, releasing their locks (default 60 s). */
  idleInTransactionTimeoutMs?: number;
  /** How long to wait for a connection (default 10 s). */
  connectionTimeoutMs?: number;
  /** Let the process exit while idle connections are open (tests, short commands). */
  allowExitOnIdle?: boolean;
}

/**
 * jit=off: Kontor's statements are short and key-driven; the cost estimates of a page's look-ups grow with
 * the table before statistics exist (a first import) and crossed jit_above_cost, and compiling the query
 * took 300 ms where running it took 0.5 ms. PGlite has no JIT, so both run the same way.
 */
const SESSION_OPTIONS = '-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c jit=off';

/** Connects to the server at `url` (checked with one query before returning). */
export async function openPostgresDb(url: string, options: PostgresDbOptions = {}): Promise<Db> {
  parsePostgresUrl(url);
  const location = describePostgresUrl(url);
  const arrayElements = new Map<number, number>(
    Object.entries(builtinArrayElements).map(([array, element]) => [Number(array), element]),
  );
  const types = { getTypeParser: (oid: number) => parserFor(oid, arrayElements) } as pg.CustomTypesConfig;
  const base: pg.ClientConfig = {
    connectionString: url,
    application_name: 'kontor',
    options: SESSION_OPTIONS,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    keepAlive: true,
    types,
  };
  const pool = new pg.Pool({
    ...base,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: options.allowExitOnIdle ?? false,
    statement_timeout: options.statementTimeoutMs ?? 120_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
  });
  // An idle connection that breaks (server restart) is dropped from the pool; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new PostgresDb({
    pool,
    listener: new PgListener({ ...base, application_name: 'kontor-listen' }),
    location,
    arrayElements,
    closed: false,
    closing: null,
    searchPaths: new WeakMap(),
  });
  try {
    await db.refreshArrayTypes();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return db;
}

/** What every handle on one server shares: the pool, the listener, their state and each session's search_path. */
interface PostgresCore {
  readonly pool: pg.Pool;
  readonly listener: PgListener;
  readonly location: string;
  readonly arrayElements: Map<number, number>;
  closed: boolean;
  closing: Promise<void> | null;
  /** The search_path each pooled connection has now (absent: as the server started the session). */
  readonly searchPaths: WeakMap<pg.PoolClient, string>;
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly core: PostgresCore,
    private readonly path: SearchPath = DEFAULT_SEARCH_PATH,
  ) {}

  get location(): string {
    return this.core.location;
  }

  withSearchPath(path: SearchPath): Db {
    searchPathText(path); // a wrong schema name fails here, not at the first query
    return new PostgresDb(this.core, path);
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>> {
    this.#assertUsable('query');
    return await this.#withClient(async (client) => toResult<Row>(await this.#run(client, sql, params)));
  }

  async exec(sql: string): Promise<void> {
    this.#assertUsable('exec');
    await this.#withClient(async (client) => {
      await client.query(sql).catch((error) => this.#fail(error));
    });
    await this.refreshArrayTypes();
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#assertUsable('transaction');
    const client = await this.core.pool.connect().catch((error) => this.#fail(error));
    // A socket that breaks while the client is checked out emits 'error' on the client; without a listener
    // Node would exit. The error is kept and makes the transaction fail as a connection error (retry).
    let broken: Error | null = null;
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on('error', onError);
    const release = (error?: Error) => {
      client.off('error', onError);
      client.release(error ?? broken ?? undefined);
    };
    let open = true;
    let usedExec = false;
    const assertOpen = () => {
      if (!open) throw transactionClosedError();
    };
    const tx: Transaction = {
      query: async <Row>(sql: string, params?: readonly unknown[]) => {
        assertOpen();
        return toResult<Row>(await this.#run(client, sql, params));
      },
      exec: async (sql: string) => {
        assertOpen();
        usedExec = true;
        await client.query(sql).catch((error) => this.#fail(error));
      },
    };
    let result: T;
    try {
      await this.#setPath(client);
      await client.query('BEGIN');
      result = await runInTransactionScope(this.core, () => fn(tx));
      open = false;
      const commit = await client.query('COMMIT');
      if (commit.command === 'ROLLBACK') throw transactionAbortedError(undefined);
    } catch (error) {
      open = false;
      await client.query('ROLLBACK').then(
        () => release(),
        (rollbackError: Error) => release(rollbackError), // broken connection: discard it
      );
      throw mapPostgresError(broken ? connectionLost(broken) : error, this.location);
    }
    release();
    if (usedExec) await this.refreshArrayTypes();
    return result;
  }

  async listen(channel: string, onNotify: NotifyHandler): Promise<() => Promise<void>> {
    this.#assertUsable('listen');
    assertChannelName(channel);
    return await this.core.listener.listen(channel, onNotify).catch((error) => this.#fail(error));
  }

  async close(): Promise<void> {
    const core = this.core;
    assertOutsideTransaction(core, 'close');
    core.closed = true;
    core.closing ??= (async () => {
      await core.listener.close();
      await core.pool.end();
    })();
    await core.closing;
  }

  /** Reads all array types, so arrays of enums and row types parse like on PGlite. */
  async refreshArrayTypes(): Promise<void> {
    const result = await this.core.pool
      .query<{ array_oid: number; element_oid: number }>(ARRAY_TYPES_SQL)
      .catch((error) => this.#fail(error));
    for (const row of result.rows) this.core.arrayElements.set(row.array_oid, row.element_oid);
  }

  /** Runs fn on a pooled connection that has this handle's search_path. */
  async #withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.core.pool.connect().catch((error) => this.#fail(error));
    let broken: Error | undefined;
    try {
      await this.#setPath(client);
      return await fn(client);
    } catch (error) {
      // A connection that broke is discarded; after an SQL error it is still good.
      if (isConnectionError(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async #setPath(client: pg.PoolClient): Promise<void> {
    const wanted = searchPathText(this.path);
    if (this.core.searchPaths.get(client) === wanted) return;
    await client.query(setSearchPathSql(wanted)).catch((error) => this.#fail(error));
    this.core.searchPaths.set(client, wanted);
  }

  async #run(on: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] | undefined) {
    // queryMode 'extended' even without parameters: one statement per call, exactly like PGlite.
    const config = {
      text: sql,
      values: params ? params.map(prepareParam) : [],
      queryMode: 'extended',
      // A statement marked in prepared-sql.ts is parsed and planned once per connection.
      name: preparedName(sql),
    };
    return await on.query(config as pg.QueryConfig).catch((error) => this.#fail(error));
  }

  #fail(error: unknown): never {
    throw mapPostgresError(error, this.location);
  }

  #assertUsable(operation: string): void {
    if (this.core.closed) throw closedError(this.location);
    assertOutsideTransaction(this.core, operation);
  }
}

/** The error of a client whose connection broke, as a connection error whatever pg reported after it. */
function connectionLost(cause: Error): Error {
  const code = (cause as { code?: unknown }).code;
  return isConnectionError(cause)
    ? cause
    : Object.assign(new Error(`Connection terminated: ${cause.message}`, { cause }), {
        code: code ?? 'ECONNRESET',
      });
}

function toResult<Row>(result: pg.QueryResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
}
