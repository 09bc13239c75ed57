/**
 * A run's log with the partner each record belongs to now (its channel link in the run's channel): one
 * query, the log lines left-joined to the links and partners, for the web UI's links and the CSV export.
 */
import type { RunLogLine } from '../domain/import-run.ts';
import type { Queryable } from './db.ts';

export interface PartneredLogLine extends RunLogLine {
  /** The partner linked to this external id in the run's channel; null: none (not imported, or no id). */
  partnerNumber: string | null;
}

export async function getRunLogWithPartners(db: Queryable, runId: number): Promise<PartneredLogLine[]> {
  const result = await db.query<{
    level: RunLogLine['level'];
    external_id: string | null;
    code: string;
    message: string;
    partner_number: string | null;
  }>(
    `select l.level, l.external_id, l.code, l.message, p.number as partner_number
     from import_log l
     join import_run r on r.id = l.run_id
     left join channel_link k on k.channel_id = r.channel_id and k.external_id = l.external_id
     left join partner p on p.id = k.partner_id
     where l.run_id = $1
     order by l.id`,
    [runId],
  );
  return result.rows.map((row) => ({
    level: row.level,
    externalId: row.external_id,
    code: row.code,
    message: row.message,
    partnerNumber: row.partner_number,
  }));
}
