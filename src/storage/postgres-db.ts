/**
 * A PostgreSQL server through node-postgres: a connection pool for queries and transactions, one dedicated
 * connection for LISTEN. Results are parsed with the same table as PGlite (type-parsers.ts), set on this
 * pool only (never on pg's global types). Sessions run with TimeZone UTC and DateStyle ISO like PGlite.
 */
import pg from 'pg';
import type { Db, NotifyHandler, QueryResult, Transaction } from './db.ts';
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
  const db = new PostgresDb(
    pool,
    new PgListener({ ...base, application_name: 'kontor-listen' }),
    location,
    arrayElements,
  );
  try {
    await db.refreshArrayTypes();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return db;
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  #closed = false;
  #closing: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly listener: PgListener,
    readonly location: string,
    private readonly arrayElements: Map<number, number>,
  ) {}

  async query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>> {
    this.#assertUsable('query');
    return toResult(await this.#run(this.pool, sql, params));
  }

  async exec(sql: string): Promise<void> {
    this.#assertUsable('exec');
    await this.pool.query(sql).catch((error) => this.#fail(error));
    await this.refreshArrayTypes();
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#assertUsable('transaction');
    const client = await this.pool.connect().catch((error) => this.#fail(error));
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
      await client.query('BEGIN');
      result = await runInTransactionScope(this, () => fn(tx));
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
    return await this.listener.listen(channel, onNotify).catch((error) => this.#fail(error));
  }

  async close(): Promise<void> {
    assertOutsideTransaction(this, 'close');
    this.#closed = true;
    this.#closing ??= (async () => {
      await this.listener.close();
      await this.pool.end();
    })();
    await this.#closing;
  }

  /** Reads all array types, so arrays of enums and row types parse like on PGlite. */
  async refreshArrayTypes(): Promise<void> {
    const result = await this.pool
      .query<{ array_oid: number; element_oid: number }>(ARRAY_TYPES_SQL)
      .catch((error) => this.#fail(error));
    for (const row of result.rows) this.arrayElements.set(row.array_oid, row.element_oid);
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
    if (this.#closed) throw closedError(this.location);
    assertOutsideTransaction(this, operation);
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
