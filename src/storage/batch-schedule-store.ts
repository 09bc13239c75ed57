/** SQL that makes released jobs due: once-only jobs at Begin, series at their slot, At restart jobs on a server start. */
import type { JobState } from '../domain/batch-job.ts';
import type { Queryable } from './db.ts';
import { num } from './sql-values.ts';

export interface Promotion {
  id: number;
  state: JobState;
}

/**
 * Once-only jobs whose Begin came: ready while within the start window after Begin, else missed (no
 * application server ran in time). Series whose slot came: ready, or finished when End passed meanwhile.
 */
export async function promoteDue(db: Queryable, now: Date, startWindowSeconds: number): Promise<Promotion[]> {
  const result = await db.query<{ id: unknown; state: JobState }>(
    `update batch_job set updated_at = now(),
       state = case
         when start_mode = 'once' and $1 > begin_at + make_interval(secs => $2) then 'missed'
         when start_mode = 'series' and end_at is not null and $1 > end_at then 'finished'
         else 'ready' end,
       due_at = case when start_mode = 'once' then begin_at else due_at end
     where id in (
       select id from batch_job
       where state = 'released' and ((start_mode = 'once' and begin_at <= $1)
                                     or (start_mode = 'series' and due_at <= $1))
       for update skip locked)
     returning id, state`,
    [now, startWindowSeconds],
  );
  return result.rows.map((row) => ({ id: num(row.id), state: row.state }));
}

/** At restart of application server: the released jobs for this server (or for any) become due now. */
export async function promoteAtRestart(
  db: Queryable,
  server: string,
  onlyJobId: number | null,
): Promise<number[]> {
  const result = await db.query<{ id: unknown }>(
    `update batch_job set state = 'ready', due_at = now(), updated_at = now()
     where state = 'released' and start_mode = 'at-restart' and (app_server is null or app_server = $1)
       and ($2::bigint is null or id = $2)
     returning id`,
    [server, onlyJobId],
  );
  return result.rows.map((row) => num(row.id));
}

/** When the next released once-only or series job becomes due (null: none is waiting). */
export async function nextDueAt(db: Queryable): Promise<Date | null> {
  const result = await db.query<{ next: Date | null }>(
    `select min(case when start_mode = 'once' then begin_at else due_at end) as next
     from batch_job where state = 'released' and start_mode in ('once', 'series')`,
  );
  return result.rows[0]?.next ?? null;
}
