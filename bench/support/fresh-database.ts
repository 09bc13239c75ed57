/** A fresh database for one measurement: PGlite in memory, or a new database on the PostgreSQL server. */
import pg from 'pg';

export const PG_URL = process.env.KONTOR_BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  /** What openDb takes. */
  spec: string;
  drop(): Promise<void>;
}

export async function postgresReachable(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    return true;
  } catch {
    return false;
  } finally {
    await admin.end().catch(() => {});
  }
}

export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<FreshDatabase> {
  if (kind === 'pglite') return { spec: 'memory:', drop: async () => {} };
  const name = `kontor_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { spec: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
