/**
 * Opens (and migrates) a benchmark's database as the CLI does without --oltp: a handle on the default OLTP
 * database, whose schema holds the partners, channels and runs. close() closes the whole database.
 */
import { oltpDb } from '../../src/oltp/oltp-service.ts';
import type { Db } from '../../src/storage/db.ts';
import { openDb } from '../../src/storage/open-db.ts';

export async function openBenchDb(spec: string): Promise<Db> {
  return oltpDb(await openDb(spec), 'default');
}
