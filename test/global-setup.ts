/**
 * Says once, at the top of a test run, whether the PostgreSQL server tests run or are skipped, and why; and
 * gives the whole run (test workers and the CLI processes they start) a secret key file in a temporary folder,
 * so that no test writes a key into the real home directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePostgresUrl } from '../src/storage/postgres-errors.ts';
import { probePostgres } from './support/test-postgres-probe.ts';

function useTemporaryKeyFile(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'kontor-test-keys-'));
  process.env.KONTOR_SECRET_KEY_FILE = join(folder, 'secret-key');
  delete process.env.KONTOR_SECRET_KEY;
  delete process.env.KONTOR_SECRET_KEY_PREVIOUS;
  return () => rmSync(folder, { recursive: true, force: true });
}

export default async function setup(): Promise<() => void> {
  const teardown = useTemporaryKeyFile();
  await sayWhichDatabases();
  return teardown;
}

async function sayWhichDatabases(): Promise<void> {
  const url = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const where = describePostgresUrl(url);
  if (process.env.KONTOR_TEST_DB === 'pglite') {
    console.log('\nPostgreSQL server tests: SKIPPED (KONTOR_TEST_DB=pglite). PGlite tests run.\n');
    return;
  }
  const problem = await probePostgres(url);
  if (problem === null) {
    console.log(`\nPostgreSQL server tests: running against ${where}.\n`);
  } else if (process.env.KONTOR_REQUIRE_PG === '1') {
    throw new Error(`KONTOR_REQUIRE_PG=1 but there is no PostgreSQL at ${where}: ${problem}`);
  } else {
    console.log(
      `\nPostgreSQL server tests: SKIPPED, no PostgreSQL at ${where} (${problem}).\n` +
        'The embedded PGlite tests run. Start PostgreSQL or set KONTOR_TEST_PG_URL to run them too.\n',
    );
  }
}
