/**
 * Test support: fresh PostgreSQL databases, each cloned from a migrated template database
 * (CREATE DATABASE ... TEMPLATE ...). The template `kontor_tpl_<migrations fingerprint>` is built once per
 * schema; test processes that start together serialise on an advisory lock on the admin database, and a
 * template only gets its final name once it is completely migrated. Test databases are named
 * `kontor_t_<pid>_<n>_<random>` and dropped on close; those of dead local processes (a crashed run) are
 * dropped when the next test process first asks for a template.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { isProcessAlive } from '../../src/storage/folder-lock.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { fingerprintMigrations, readMigrations } from '../../src/storage/migration-files.ts';
import { openPostgresDb } from '../../src/storage/postgres-db.ts';

/** pg_advisory_lock key of template building: 'kontest' in ASCII. */
const TEMPLATE_LOCK_KEY = '30240342697931636';
const TEMPLATE_PREFIX = 'kontor_tpl_';
const TEST_DB_PREFIX = 'kontor_t_';

let adminPool: pg.Pool | null = null;
let adminPoolUrl = '';
const templates = new Map<string, Promise<string>>();
let counter = 0;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The name of the migrated template database for the migrations of `folder`, built if missing (once per process). */
export async function postgresTemplate(adminUrl: string, folder?: string): Promise<string> {
  const name = TEMPLATE_PREFIX + fingerprintMigrations(await readMigrations(folder));
  const key = `${adminUrl}\n${name}`;
  let template = templates.get(key);
  if (!template) {
    template = prepareTemplate(adminUrl, name, folder).then(() => name);
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  return await template;
}

/** Creates a new database from `template`. */
export async function createTestDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  const pool = admin(adminUrl);
  await pool.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await pool.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    },
  };
}

async function prepareTemplate(adminUrl: string, name: string, folder: string | undefined): Promise<void> {
  const client = await admin(adminUrl).connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${TEMPLATE_LOCK_KEY})`);
    try {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!existing.rowCount) {
        const building = `${name}_build`;
        await client.query(`DROP DATABASE IF EXISTS ${ident(building)} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${ident(building)}`);
        const db = await openPostgresDb(withDatabase(adminUrl, building), { max: 1, allowExitOnIdle: true });
        try {
          await migrate(db, { folder });
        } finally {
          await db.close();
        }
        await client.query(`COMMENT ON DATABASE ${ident(building)} IS 'kontor test template ${Date.now()}'`);
        await renameWhenFree(client, building, name);
      }
      await dropLeftovers(client, name, adminUrl);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}

/** Renames a database; waits while the sessions of a just-closed pool are still ending (55006 object in use). */
async function renameWhenFree(client: pg.PoolClient, from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`ALTER DATABASE ${ident(from)} RENAME TO ${ident(to)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await sleep(100);
    }
  }
}

/**
 * Drops templates of other schemas built more than a day ago (several schemas are in use at once: the
 * project's and test fixtures'; a dropped one is simply rebuilt) and test databases of dead local processes.
 */
async function dropLeftovers(client: pg.PoolClient, keep: string, adminUrl: string): Promise<void> {
  const local = ['localhost', '127.0.0.1', '[::1]', ''].includes(new URL(adminUrl).hostname);
  const result = await client.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database
      WHERE datname LIKE 'kontor\\_tpl\\_%' OR datname LIKE 'kontor\\_t\\_%'`,
  );
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const { datname, comment } of result.rows) {
    if (datname.startsWith(TEMPLATE_PREFIX)) {
      const builtAt = Number(/(\d+)$/.exec(comment ?? '')?.[1] ?? 0);
      // a run still cloning from it keeps it: the drop fails
      if (datname !== keep && !datname.endsWith('_build') && builtAt < dayAgo)
        await dropQuietly(client, datname, '');
    } else if (local && !isProcessAlive(Number(datname.split('_')[2]))) {
      await dropQuietly(client, datname, ' WITH (FORCE)');
    }
  }
}

async function dropQuietly(client: pg.PoolClient, name: string, options: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${ident(name)}${options}`).catch(() => undefined);
}

function admin(url: string): pg.Pool {
  if (!adminPool || adminPoolUrl !== url) {
    adminPool = new pg.Pool({
      connectionString: url,
      max: 3,
      idleTimeoutMillis: 1_000,
      allowExitOnIdle: true,
    });
    adminPool.on('error', () => undefined);
    adminPoolUrl = url;
  }
  return adminPool;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
