/** Import runs and their logs as the CLI and the API show them (a batch run links its import run). */
import type { ImportRun, RunLogLine } from '../domain/import-run.ts';
import type { Db } from '../storage/db.ts';
import { getRun, getRunLog } from '../storage/import-run-store.ts';
import { oltpSearchPath } from '../storage/oltp-schema.ts';
import { getRunLogWithPartners, type PartneredLogLine } from '../storage/run-log-store.ts';

export class RunService {
  constructor(private readonly db: Db) {}

  /** The handle of OLTP database `oltp` (a batch job's: its import runs lie there), or this one. */
  #in(oltp: string | undefined): Db {
    return oltp === undefined ? this.db : this.db.withSearchPath(oltpSearchPath(oltp));
  }

  async get(runId: number): Promise<ImportRun | null> {
    return await getRun(this.db, runId);
  }

  async log(runId: number): Promise<RunLogLine[]> {
    return await getRunLog(this.db, runId);
  }

  /** The import run a batch run links (null: none yet) with its log; `oltp`: the job's OLTP database. */
  async withLog(runId: number | null, oltp?: string): Promise<{ run: ImportRun | null; log: RunLogLine[] }> {
    const db = this.#in(oltp);
    const run = runId === null ? null : await getRun(db, runId);
    return { run, log: run ? await getRunLog(db, run.id) : [] };
  }

  /** As withLog, each line with the partner its record is linked to now (web UI, CSV export). */
  async withPartnerLog(
    runId: number | null,
    oltp?: string,
  ): Promise<{ run: ImportRun | null; log: PartneredLogLine[] }> {
    const db = this.#in(oltp);
    const run = runId === null ? null : await getRun(db, runId);
    return { run, log: run ? await getRunLogWithPartners(db, run.id) : [] };
  }
}
