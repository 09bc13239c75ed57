/**
 * SQL for known login clients (`known_login_client`): browsers that logged in as a user, keyed by the SHA-256
 * of the random id in their `kontor_client` cookie. Times come from the caller's clock.
 */
import type { Queryable } from './db.ts';

/** True when the id hash belongs to the user of this name (any case) and logged in since `since`. */
export async function isKnownClient(
  db: Queryable,
  idHash: string,
  name: string,
  since: Date,
): Promise<boolean> {
  const result = await db.query(
    `select 1 from known_login_client
     where id_hash = $1 and lower(user_name) = lower($2) and last_login_at > $3`,
    [idHash, name, since],
  );
  return result.rows.length > 0;
}

/** Records a successful login of the client (a new row, or the user and time of an existing one). */
export async function rememberKnownClient(
  db: Queryable,
  idHash: string,
  userName: string,
  now: Date,
  forgetBefore: Date,
): Promise<void> {
  await db.query('delete from known_login_client where last_login_at <= $1', [forgetBefore]);
  await db.query(
    `insert into known_login_client (id_hash, user_name, last_login_at) values ($1, $2, $3)
     on conflict (id_hash) do update set user_name = excluded.user_name, last_login_at = excluded.last_login_at`,
    [idHash, userName, now],
  );
}
