/** SQL for application servers: registration, heartbeat, status (running, stopped, dead). */
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './sql-values.ts';

export type AppServerStatus = 'running' | 'stopped' | 'dead';

export interface AppServerInfo {
  name: string;
  status: AppServerStatus;
  host: string;
  pid: number;
  startedAt: string;
  heartbeatAt: string;
  stoppedAt: string | null;
}

export interface Registration {
  name: string;
  instance: string;
  host: string;
  pid: number;
}

/**
 * Registers this process as the application server `name`. Refused (returns the holder) while another
 * process runs under that name with a heartbeat younger than `staleAfterSeconds`, unless that process is
 * `deadHolder` (one the caller found gone: same host, its pid no longer running).
 */
export async function registerServer(
  db: Queryable,
  server: Registration,
  staleAfterSeconds: number,
  deadHolder: { host: string; pid: number } | null = null,
): Promise<AppServerInfo | null> {
  const result = await db.query(
    `insert into app_server (name, status, instance, host, pid) values ($1, 'running', $2, $3, $4)
     on conflict (name) do update set status = 'running', instance = excluded.instance, host = excluded.host,
       pid = excluded.pid, started_at = now(), heartbeat_at = now(), stopped_at = null
     where app_server.status <> 'running' or app_server.heartbeat_at < now() - make_interval(secs => $5)
       or (app_server.host = $6 and app_server.pid = $7)
     returning name`,
    [
      server.name,
      server.instance,
      server.host,
      server.pid,
      staleAfterSeconds,
      deadHolder?.host ?? null,
      deadHolder?.pid ?? null,
    ],
  );
  if (result.rowCount === 1) return null;
  const holder = await listServers(db, server.name);
  return holder[0] ?? null;
}

/**
 * Refreshes the heartbeat; false when another process took over the name (this one was taken for dead).
 * A server that has stopped stays stopped: a heartbeat still in flight when it stopped does not revive it.
 */
export async function heartbeatServer(db: Queryable, name: string, instance: string): Promise<boolean> {
  const result = await db.query(
    `update app_server set heartbeat_at = now(), status = 'running'
     where name = $1 and instance = $2 and status <> 'stopped'`,
    [name, instance],
  );
  return result.rowCount === 1;
}

export async function stopServer(db: Queryable, name: string, instance: string): Promise<void> {
  await db.query(
    `update app_server set status = 'stopped', stopped_at = now() where name = $1 and instance = $2`,
    [name, instance],
  );
}

/** Marks running servers whose heartbeat stopped as dead; returns their names. */
export async function markDeadServers(db: Queryable, staleAfterSeconds: number): Promise<string[]> {
  const result = await db.query<{ name: string }>(
    `update app_server set status = 'dead'
     where status = 'running' and heartbeat_at < now() - make_interval(secs => $1) returning name`,
    [staleAfterSeconds],
  );
  return result.rows.map((row) => row.name);
}

export async function listServers(db: Queryable, name?: string): Promise<AppServerInfo[]> {
  const result = await db.query<{
    name: string;
    status: AppServerStatus;
    host: string;
    pid: number;
    started_at: unknown;
    heartbeat_at: unknown;
    stopped_at: unknown;
  }>(
    `select name, status, host, pid, started_at, heartbeat_at, stopped_at from app_server
     where $1::text is null or name = $1 order by name`,
    [name ?? null],
  );
  return result.rows.map((row) => ({
    name: row.name,
    status: row.status,
    host: row.host,
    pid: row.pid,
    startedAt: iso(row.started_at),
    heartbeatAt: iso(row.heartbeat_at),
    stoppedAt: isoOrNull(row.stopped_at),
  }));
}

/** Removes a stopped server's row (the short-lived servers of `import-customers --wait`). */
export async function forgetServer(db: Queryable, name: string): Promise<void> {
  await db.query(`delete from app_server where name = $1 and status = 'stopped'`, [name]);
}
