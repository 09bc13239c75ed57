/**
 * PGlite runs PostgreSQL in single-user mode, where no checkpointer runs: without a CHECKPOINT the WAL is never
 * recycled and grows with every write, in the database folder (in memory: in the process), by about 80 MB per
 * 20,000 partners imported, for as long as the installation lives. An import run ends with one, which keeps
 * the WAL near PostgreSQL's min_wal_size (80 MB); a PostgreSQL server checkpoints by itself.
 */
import type { Db } from './db.ts';

/** Checkpoints a PGlite database (true); on PostgreSQL nothing (false). */
export async function checkpointEmbedded(db: Db): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await db.query('checkpoint');
  return true;
}
