/**
 * One run of a batch job: its states, why it ended, what it counted. A batch run is active until it ends
 * finished, failed, canceled, or abandoned (its application server died). Not an import run's state
 * (domain/import-run.ts): a batch run of the import application links its import run by importRunId.
 */
export const BATCH_RUN_STATES = ['active', 'finished', 'failed', 'canceled', 'abandoned'] as const;
export type BatchRunState = (typeof BATCH_RUN_STATES)[number];

/** Why a run did not finish normally. */
export type RunReason = 'timeout' | 'canceled' | 'server-stopped' | 'lease-lost' | 'server-died' | 'error';

/** How far a run is: pages read so far and, where the shop tells it, the records the read will deliver. */
export interface RunProgress {
  pages: number;
  total: number | null;
}

export interface BatchRun {
  id: number;
  jobId: number;
  state: BatchRunState;
  appServer: string;
  dueAt: string | null;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number> | null;
  /** Written with the heartbeat while the run is active; null for runs that reported none. */
  progress: RunProgress | null;
  hasErrors: boolean;
  reason: RunReason | null;
  error: { code: string; message: string } | null;
  importRunId: number | null;
}

/** The lease a run holds while it is active: every write of the run (and of the import run it opens) presents it. */
export interface BatchLease {
  runId: number;
  token: string;
}
