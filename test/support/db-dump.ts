/**
 * A dump of a whole test database, to show that something wrote nothing: every table's rows (as JSON, in
 * order), every sequence's state (a value taken by nextval counts as a change) and, on PostgreSQL, the
 * output of pg_dump as well (schema, data and sequence values).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Db } from '../../src/storage/db.ts';

const run = promisify(execFile);

export async function dumpDb(db: Db): Promise<string> {
  const parts: string[] = [];
  const tables = await db.query<{ name: string }>(
    `select table_schema || '.' || table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1`,
  );
  for (const { name } of tables.rows) {
    const [schema, table] = name.split('.') as [string, string];
    const rows = await db.query<{ row: string }>(
      `select row_to_json(t)::text as row from "${schema}"."${table}" t order by 1`,
    );
    parts.push(`-- ${name} (${rows.rows.length})`, ...rows.rows.map((row) => row.row));
  }
  const sequences = await db.query<{ name: string; last: unknown }>(
    `select schemaname || '.' || sequencename as name, last_value::text as last from pg_sequences order by 1`,
  );
  parts.push('-- sequences', ...sequences.rows.map((row) => `${row.name} = ${String(row.last)}`));
  if (db.kind === 'postgres') parts.push('-- pg_dump', await pgDump(db.location));
  return parts.join('\n');
}

async function pgDump(url: string): Promise<string> {
  // The newest versioned binary (it dumps older servers too), else the one on the path.
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  const binary = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`), '/usr/bin/pg_dump'].find(
    (path) => existsSync(path),
  );
  if (!binary) throw new Error('pg_dump is not installed');
  const { stdout } = await run(binary, ['--no-password', '--dbname', url], { maxBuffer: 256 * 1024 * 1024 });
  // \restrict / \unrestrict carry a random key per dump (pg_dump's guard against psql meta-commands).
  return stdout.replace(/^\\(un)?restrict .*$/gm, '\\$1restrict (key)');
}
