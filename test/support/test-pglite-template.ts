/**
 * Test support: a migrated PGlite data directory to clone test databases from. Creating and migrating a
 * fresh PGlite costs seconds; loading a dumped data directory costs a few hundred milliseconds. The dump is
 * cached in memory per process and on disk (os.tmpdir()/kontor-test-pglite) per PGlite version and
 * migrations fingerprint, so only the first test process after a schema change builds it. Dumps not used
 * for a day are deleted.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrate } from '../../src/storage/migrate.ts';
import { fingerprintMigrations, readMigrations } from '../../src/storage/migration-files.ts';
import { openPgliteDb } from '../../src/storage/pglite-db.ts';

const CACHE_DIR = join(tmpdir(), 'kontor-test-pglite');
const dumps = new Map<string, Promise<Blob>>();

/** The dumped data directory of an in-memory PGlite migrated with the migrations of `folder`. */
export async function pgliteTemplate(folder?: string): Promise<Blob> {
  const key = `${pgliteVersion()}-${fingerprintMigrations(await readMigrations(folder))}`;
  let dump = dumps.get(key);
  if (!dump) {
    dump = loadOrBuild(key, folder);
    dumps.set(key, dump);
    dump.catch(() => dumps.delete(key));
  }
  return await dump;
}

async function loadOrBuild(key: string, folder: string | undefined): Promise<Blob> {
  const file = join(CACHE_DIR, `${key}.tar`);
  const cached = await readFile(file).catch(() => null);
  if (cached) {
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined); // marks it as in use
    return new Blob([cached]);
  }

  const db = await openPgliteDb(null);
  let dump: Blob;
  try {
    await migrate(db, { folder });
    dump = await db.dumpDataDir();
  } finally {
    await db.close();
  }
  await mkdir(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file); // atomic: readers see the whole file or none
  await removeOthers(file);
  return dump;
}

/** Deletes dumps not used for a day (several schemas are in use at once: the project's, test fixtures'). */
async function removeOthers(keep: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of await readdir(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (path === keep) continue;
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < dayAgo) await unlink(path).catch(() => undefined);
  }
}

let version: string | undefined;

function pgliteVersion(): string {
  if (version === undefined) {
    const require = createRequire(import.meta.url);
    const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
    version = (require(packageJson) as { version: string }).version;
  }
  return version;
}
