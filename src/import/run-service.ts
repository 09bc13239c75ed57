/** Import runs and their logs as the CLI and the API show them (a batch run links its import run). */
import type { ImportRun, RunLogLine } from '../domain/import-run.ts';
import type { Queryable } from '../storage/db.ts';
import { getRun, getRunLog } from '../storage/import-run-store.ts';
import { getRunLogWithPartners, type PartneredLogLine } from '../storage/run-log-store.ts';

export class RunService {
  constructor(private readonly db: Queryable) {}

  async get(runId: number): Promise<ImportRun | null> {
    return await getRun(this.db, runId);
  }

  async log(runId: number): Promise<RunLogLine[]> {
    return await getRunLog(this.db, runId);
  }

  /** The import run a batch run links (null: none yet) with its log. */
  async withLog(runId: number | null): Promise<{ run: ImportRun | null; log: RunLogLine[] }> {
    const run = runId === null ? null : await this.get(runId);
    return { run, log: run ? await this.log(run.id) : [] };
  }

  /** As withLog, each line with the partner its record is linked to now (web UI, CSV export). */
  async withPartnerLog(runId: number | null): Promise<{ run: ImportRun | null; log: PartneredLogLine[] }> {
    const run = runId === null ? null : await this.get(runId);
    return { run, log: run ? await getRunLogWithPartners(this.db, run.id) : [] };
  }
}
