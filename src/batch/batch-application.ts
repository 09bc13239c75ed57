/**
 * A batch application (Import customers is the first): its settings schema (a parser that validates the
 * Application tab and returns what is stored with the job) and its run function. The framework calls run()
 * on an application server with an AbortSignal (maximum run time, cancel request, server stop) that the
 * application must honour at its next safe point.
 */

import type { BatchJob } from '../domain/batch-job.ts';
import type { BatchLease, RunProgress } from '../domain/batch-run.ts';
import type { Logger } from '../domain/logger.ts';
import type { Db } from '../storage/db.ts';

export interface RunOutcome {
  state: 'finished' | 'failed';
  /** Records failed (finished with errors) or the run failed: the "only if there are errors" notifications fire. */
  hasErrors: boolean;
  counts: Record<string, number> | null;
  error: { code: string; message: string } | null;
  /** The failure needs the user to change something (configuration, credentials): a series stops. */
  needsUser: boolean;
  /** One line for notifications and the job log. */
  summary: string;
}

export interface RunContext<Settings> {
  db: Db;
  job: BatchJob;
  settings: Settings;
  signal: AbortSignal;
  /** The run's logger: its lines carry job and run (an application adds what it knows, e.g. channel). */
  logger: Logger;
  /** Reports counts so far and how far the run is (kept with the run at the next heartbeat). */
  onProgress(counts: Record<string, number>, progress?: RunProgress): void;
  /**
   * The run's lease: an application whose work needs a liveness of its own (the import run) ties it to this
   * lease, so one heartbeat keeps both alive and both are recoverable when it expires.
   */
  lease: BatchLease;
}

export interface BatchApplication<Settings = unknown> {
  /** Stable identifier stored with jobs, e.g. "import-customers". */
  readonly name: string;
  /** As users see it, e.g. "Import customers". */
  readonly label: string;
  /** The development object that implements it, as the ERP names it (shown in the job's details). */
  readonly developmentObject: string;
  /**
   * The settings schema: validates raw settings (throws InvalidInputError naming the field) and returns the
   * settings to store. With `db`, also checks what the settings refer to (e.g. the sales channel exists).
   */
  parseSettings(raw: unknown, db?: Db): Promise<Settings>;
  run(context: RunContext<Settings>): Promise<RunOutcome>;
}

/** Erases an application's settings type for the registry (run() only ever gets what parseSettings made). */
export function defineApplication<Settings>(application: BatchApplication<Settings>): BatchApplication {
  return application as unknown as BatchApplication;
}

/** The explicit list of batch applications an application server can run. */
export class BatchApplications {
  readonly #byName = new Map<string, BatchApplication>();

  constructor(applications: readonly BatchApplication[]) {
    for (const application of applications) this.#byName.set(application.name, application);
  }

  get(name: string): BatchApplication | undefined {
    return this.#byName.get(name);
  }

  names(): string[] {
    return [...this.#byName.keys()];
  }

  /** The applications as a value assistant lists them. */
  list(): Array<{ name: string; label: string; developmentObject: string }> {
    return [...this.#byName.values()].map(({ name, label, developmentObject }) => ({
      name,
      label,
      developmentObject,
    }));
  }
}
