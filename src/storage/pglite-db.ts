/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) in this process, data in a folder or in memory.
 *
 * PGlite is one connection. It serialises calls itself: query(), exec(), transaction() and listen() all take
 * its transaction mutex, so a query issued while a transaction runs waits until that transaction has
 * committed or rolled back, and never runs inside it (see pglite-db.test.ts). Inside a transaction callback
 * only the `tx` handle may be used (transaction-scope.ts).
 */
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import type { Server } from 'node:net';
import { join, resolve } from 'node:path';
import {
  PGlite,
  type Transaction as PgliteTransaction,
  type Results,
  TransactionAbortedError,
} from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { ConfigError, KontorError } from '../domain/errors.ts';
import type { Db, NotifyHandler, QueryResult, SearchPath, Transaction } from './db.ts';
import {
  assertChannelName,
  closedError,
  transactionAbortedError,
  transactionClosedError,
} from './db-errors.ts';
import { type FolderLock, lockFolder } from './folder-lock.ts';
import { isKontorFile, serveBackups, stopServingBackups, withoutKontorFiles } from './pglite-backup.ts';
import { DEFAULT_SEARCH_PATH, searchPathText, setSearchPathSql } from './search-path.ts';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-scope.ts';
import { prepareParam, scalarParsers } from './type-parsers.ts';

/** A PGlite Db; can also dump its data directory (test templates, backups). */
export interface PgliteDb extends Db {
  readonly kind: 'pglite';
  /** The data directory as an uncompressed tarball, loadable with `openPgliteDb(null, { loadDataDir })`. */
  dumpDataDir(): Promise<Blob>;
  /** The data directory without Kontor's lock and socket files, uncompressed (pglite-backup.ts). */
  backupTar(): Promise<Uint8Array>;
}

export interface PgliteDbOptions {
  /** Start from this dumped data directory instead of an empty database (in memory, or a new empty folder). */
  loadDataDir?: Blob;
  /**
   * A short command (a list, an edit): a small buffer pool (4 MB instead of 128 MB), which PGlite sets up in a
   * fifth of the time and memory. Imports and servers keep the default.
   */
  small?: boolean;
}

const SMALL_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=4MB'];

/** The extensions the migrations create (0018: pg_trgm, the partner search's trigram indexes). */
const EXTENSIONS = { pg_trgm };

/**
 * In memory the files live in Emscripten's MEMFS, where a file is one array that grows by 12.5% at a time,
 * copying what it holds. PostgreSQL fills every new 16 MB WAL segment with zeros before using it, so each
 * segment grew a dozen times (write only of 100,000 partners: 17 segments, 1.7 GB allocated and 1.5 GB
 * copied). Without the zero fill a segment is created by writing its last byte: one allocation. The zeros
 * only reserve disk space, which a database that ends with the process does not need; a folder keeps
 * PostgreSQL's default.
 */
const MEMORY_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];

/** Opens a PGlite database in `folder` (created if missing, locked for this process) or in memory (null). */
export async function openPgliteDb(folder: string | null, options: PgliteDbOptions = {}): Promise<PgliteDb> {
  if (folder === null) {
    const pg = await PGlite.create({
      parsers: { ...scalarParsers },
      extensions: EXTENSIONS,
      startParams: MEMORY_START_PARAMS,
      loadDataDir: options.loadDataDir,
    });
    return new PgliteDbImpl(newCore(pg, 'memory', null));
  }
  const path = resolve(folder);
  await ensureFolder(path);
  const lock = await lockFolder(path);
  let backups: Server | null = null;
  try {
    const isNew = await assertDatabaseFolder(path, options.loadDataDir !== undefined);
    const pg = await PGlite.create({
      dataDir: path,
      parsers: { ...scalarParsers },
      extensions: EXTENSIONS,
      ...(options.small ? { startParams: SMALL_START_PARAMS } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    // A new data directory is walked once; later files lie inside the 0700 folder.
    if (isNew) await restrictToOwner(path);
    else await chmod(path, 0o700);
    const db = new PgliteDbImpl(newCore(pg, path, lock));
    // The process holding the folder answers `kontor backup` while it runs (pglite-backup.ts).
    backups = await serveBackups(path, () => db.backupTar());
    db.backups = backups;
    return db;
  } catch (error) {
    await stopServingBackups(backups, path);
    lock.release();
    if (error instanceof KontorError) throw error;
    throw new ConfigError('DB_OPEN_FAILED', `Cannot open the database folder ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** What every handle on one PGlite shares: the connection, its lock and state, and the session's search_path. */
interface PgliteCore {
  readonly pg: PGlite;
  readonly location: string;
  readonly lock: FolderLock | null;
  closed: boolean;
  closing: Promise<void> | null;
  /** The backup socket of a folder (null: in memory, or the path is too long for a socket). */
  backups: Server | null;
  /** The search_path the session has now (null: as PGlite started it). */
  searchPath: string | null;
  /** Serialises "set the search_path, then run" so that no other handle's statement comes between. */
  tail: Promise<unknown>;
}

class PgliteDbImpl implements PgliteDb {
  readonly kind = 'pglite' as const;

  constructor(
    private readonly core: PgliteCore,
    private readonly path: SearchPath = DEFAULT_SEARCH_PATH,
  ) {}

  get location(): string {
    return this.core.location;
  }

  set backups(server: Server | null) {
    this.core.backups = server;
  }

  withSearchPath(path: SearchPath): Db {
    searchPathText(path); // a wrong schema name fails here, not at the first query
    return new PgliteDbImpl(this.core, path);
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>> {
    this.#assertUsable('query');
    return await this.#exclusive(async () =>
      toResult(await this.core.pg.query<Row>(sql, prepareParams(params)).catch(rethrow)),
    );
  }

  async exec(sql: string): Promise<void> {
    this.#assertUsable('exec');
    await this.#exclusive(async () => {
      await this.core.pg.exec(sql).catch(rethrow);
      await this.core.pg.refreshArrayTypes(); // new types (enums, tables) get their array parsers
    });
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#assertUsable('transaction');
    return await this.#exclusive(async () => {
      let usedExec = false;
      let result: T;
      try {
        result = await this.core.pg.transaction((pgTx) =>
          runInTransactionScope(this.core, () =>
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
      if (usedExec) await this.core.pg.refreshArrayTypes();
      return result;
    });
  }

  async listen(channel: string, onNotify: NotifyHandler): Promise<() => Promise<void>> {
    this.#assertUsable('listen');
    assertChannelName(channel);
    const unlisten = await this.core.pg.listen(channel, onNotify);
    let done = false;
    return async () => {
      if (done || this.core.closed) return;
      done = true;
      await unlisten();
    };
  }

  async dumpDataDir(): Promise<Blob> {
    this.#assertUsable('dumpDataDir');
    return await this.core.pg.dumpDataDir('none');
  }

  async backupTar(): Promise<Uint8Array> {
    return withoutKontorFiles(new Uint8Array(await (await this.dumpDataDir()).arrayBuffer()));
  }

  async close(): Promise<void> {
    const core = this.core;
    assertOutsideTransaction(core, 'close');
    core.closed = true;
    core.closing ??= (async () => {
      try {
        await stopServingBackups(core.backups, core.location);
        await core.tail.catch(() => undefined);
        await core.pg.close();
      } finally {
        core.lock?.release();
      }
    })();
    await core.closing;
  }

  /** Runs fn alone on the connection, after setting this handle's search_path where the session has another. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const core = this.core;
    const run = core.tail.then(async () => {
      const wanted = searchPathText(this.path);
      if (core.searchPath !== wanted) {
        await core.pg.query(setSearchPathSql(wanted)).catch(rethrow);
        core.searchPath = wanted;
      }
      return await fn();
    });
    core.tail = run.catch(() => undefined);
    return run;
  }

  #assertUsable(operation: string): void {
    if (this.core.closed) throw closedError(this.core.location);
    assertOutsideTransaction(this.core, operation);
  }
}

function newCore(pg: PGlite, location: string, lock: FolderLock | null): PgliteCore {
  return {
    pg,
    location,
    lock,
    closed: false,
    closing: null,
    backups: null,
    searchPath: null,
    tail: Promise.resolve(),
  };
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

/**
 * Refuses a folder that holds other things than a database, so a typo in --db cannot fill e.g. src/; a restore
 * (`empty`) needs an empty one. True when the folder holds no database yet (PGlite will create one).
 */
async function assertDatabaseFolder(path: string, empty: boolean): Promise<boolean> {
  const entries = (await readdir(path)).filter((name) => !isKontorFile(name));
  if (entries.length === 0) return true;
  if (empty)
    throw new ConfigError(
      'RESTORE_TARGET_NOT_EMPTY',
      `The folder ${path} is not empty: restore into a new folder.`,
    );
  if (entries.includes('PG_VERSION')) return false;
  throw new ConfigError(
    'DB_NOT_A_DATABASE',
    `The folder ${path} is not a Kontor database: it is not empty and holds no PostgreSQL data. Point --db at a new or empty folder, or at an existing Kontor database folder.`,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
