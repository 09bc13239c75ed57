/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) in this process, data in a folder or in memory.
 *
 * PGlite is one connection. It serialises calls itself: query(), exec(), transaction() and listen() all take
 * its transaction mutex, so a query issued while a transaction runs waits until that transaction has
 * committed or rolled back, and never runs inside it (see pglite-db.test.ts). Inside a transaction callback
 * only the `tx` handle may be used (transaction-scope.ts).
 */
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  PGlite,
  type Transaction as PgliteTransaction,
  type Results,
  TransactionAbortedError,
} from '@electric-sql/pglite';
import { BugError, ConfigError, KontorError } from '../domain/errors.ts';
import type { Db, NotifyHandler, QueryResult, Transaction } from './db.ts';
import {
  assertChannelName,
  closedError,
  transactionAbortedError,
  transactionClosedError,
} from './db-errors.ts';
import { type FolderLock, LOCK_FILE, lockFolder } from './folder-lock.ts';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-scope.ts';
import { prepareParam, scalarParsers } from './type-parsers.ts';

/** A PGlite Db; can also dump its data directory (test templates, backups). */
export interface PgliteDb extends Db {
  readonly kind: 'pglite';
  /** The data directory as an uncompressed tarball, loadable with `openPgliteDb(null, { loadDataDir })`. */
  dumpDataDir(): Promise<Blob>;
}

export interface PgliteDbOptions {
  /** In-memory only: start from this dumped data directory instead of an empty database. */
  loadDataDir?: Blob;
}

/** Opens a PGlite database in `folder` (created if missing, locked for this process) or in memory (null). */
export async function openPgliteDb(folder: string | null, options: PgliteDbOptions = {}): Promise<PgliteDb> {
  if (folder === null) {
    const pg = await PGlite.create({ parsers: { ...scalarParsers }, loadDataDir: options.loadDataDir });
    return new PgliteDbImpl(pg, 'memory', null);
  }
  if (options.loadDataDir)
    throw new BugError('DB_OPTION_INVALID', 'loadDataDir is only for in-memory PGlite.');
  const path = resolve(folder);
  await ensureFolder(path);
  const lock = await lockFolder(path);
  try {
    await assertDatabaseFolder(path);
    const pg = await PGlite.create({ dataDir: path, parsers: { ...scalarParsers } });
    await restrictToOwner(path);
    return new PgliteDbImpl(pg, path, lock);
  } catch (error) {
    lock.release();
    if (error instanceof KontorError) throw error;
    throw new ConfigError('DB_OPEN_FAILED', `Cannot open the database folder ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

class PgliteDbImpl implements PgliteDb {
  readonly kind = 'pglite' as const;
  #closed = false;
  #closing: Promise<void> | null = null;

  constructor(
    private readonly pg: PGlite,
    readonly location: string,
    private readonly lock: FolderLock | null,
  ) {}

  async query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>> {
    this.#assertUsable('query');
    return toResult(await this.pg.query<Row>(sql, prepareParams(params)).catch(rethrow));
  }

  async exec(sql: string): Promise<void> {
    this.#assertUsable('exec');
    await this.pg.exec(sql).catch(rethrow);
    await this.pg.refreshArrayTypes(); // new types (enums, tables) get their array parsers
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#assertUsable('transaction');
    let usedExec = false;
    let result: T;
    try {
      result = await this.pg.transaction((pgTx) =>
        runInTransactionScope(this, () =>
          fn(
            wrapTransaction(pgTx, () => {
              usedExec = true;
            }),
          ),
        ),
      );
    } catch (error) {
      if (error instanceof TransactionAbortedError) throw transactionAbortedError(error);
      throw stripParams(error);
    }
    if (usedExec) await this.pg.refreshArrayTypes();
    return result;
  }

  async listen(channel: string, onNotify: NotifyHandler): Promise<() => Promise<void>> {
    this.#assertUsable('listen');
    assertChannelName(channel);
    const unlisten = await this.pg.listen(channel, onNotify);
    let done = false;
    return async () => {
      if (done || this.#closed) return;
      done = true;
      await unlisten();
    };
  }

  async dumpDataDir(): Promise<Blob> {
    this.#assertUsable('dumpDataDir');
    return await this.pg.dumpDataDir('none');
  }

  async close(): Promise<void> {
    assertOutsideTransaction(this, 'close');
    this.#closed = true;
    this.#closing ??= (async () => {
      try {
        await this.pg.close();
      } finally {
        this.lock?.release();
      }
    })();
    await this.#closing;
  }

  #assertUsable(operation: string): void {
    if (this.#closed) throw closedError(this.location);
    assertOutsideTransaction(this, operation);
  }
}

function wrapTransaction(pgTx: PgliteTransaction, onExec: () => void): Transaction {
  const assertOpen = () => {
    if (pgTx.closed) throw transactionClosedError();
  };
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      assertOpen();
      return toResult(await pgTx.query<Row>(sql, prepareParams(params)).catch(rethrow));
    },
    async exec(sql: string) {
      assertOpen();
      onExec();
      await pgTx.exec(sql).catch(rethrow);
    },
  };
}

function prepareParams(params: readonly unknown[] | undefined): unknown[] {
  return params ? params.map(prepareParam) : [];
}

function toResult<Row>(results: Results<Row>): QueryResult<Row> {
  return { rows: results.rows, rowCount: results.rowCount ?? results.affectedRows ?? 0 };
}

/** PGlite attaches the query parameters to its errors; they may hold secrets, so drop them. */
function stripParams(error: unknown): unknown {
  if (error && typeof error === 'object') {
    const record = error as { params?: unknown; queryOptions?: unknown };
    delete record.params;
    delete record.queryOptions;
  }
  return error;
}

function rethrow(error: unknown): never {
  throw stripParams(error);
}

async function ensureFolder(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info && !info.isDirectory()) {
    throw new ConfigError('DB_NOT_A_FOLDER', `The database path ${path} is a file, not a folder.`);
  }
  if (!info) await mkdir(path, { recursive: true });
}

/**
 * PGlite creates its files world-writable (0666, e.g. PG_VERSION, pg_hba.conf): the folder and every folder in
 * it become 0700, every file loses its group and other bits. Files made later lie inside a 0700 folder.
 */
async function restrictToOwner(path: string): Promise<void> {
  await chmod(path, 0o700);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await restrictToOwner(child);
    else if (entry.isFile()) await chmod(child, (await stat(child)).mode & 0o700);
  }
}

/** Refuses a folder that holds other things than a database, so a typo in --db cannot fill e.g. src/. */
async function assertDatabaseFolder(path: string): Promise<void> {
  const entries = (await readdir(path)).filter((name) => !name.startsWith(LOCK_FILE));
  if (entries.length === 0 || entries.includes('PG_VERSION')) return;
  throw new ConfigError(
    'DB_NOT_A_DATABASE',
    `The folder ${path} is not a Kontor database: it is not empty and holds no PostgreSQL data. Point --db at a new or empty folder, or at an existing Kontor database folder.`,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
