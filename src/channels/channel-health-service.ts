/**
 * The home page's data: every sales channel's health at a glance: its last import run and how it ended, the
 * trend of its latest runs (errors per run), whether a run is going on, and its next scheduled Import
 * customers job. Read in two set-based queries (storage/channel-health-store.ts).
 */

import type { AdapterRegistry } from '../adapters/registry.ts';
import { IMPORT_CUSTOMERS } from '../batch/applications/import-customers-app.ts';
import { type ChannelHealthRow, channelHealth, type HealthRun } from '../storage/channel-health-store.ts';
import type { Db } from '../storage/db.ts';

/** How many of a channel's latest runs make its trend. */
export const TREND_RUNS = 10;

export type ChannelHealthOutcome = 'never-run' | 'running' | 'finished' | 'finished-with-errors' | 'failed';

export interface ChannelHealth extends Omit<ChannelHealthRow, 'runs'> {
  adapterLabel: string;
  /** How the last run ended (or that one is going on). */
  outcome: ChannelHealthOutcome;
  lastRun: HealthRun | null;
  /** The latest runs, newest first (at most TREND_RUNS). */
  recentRuns: HealthRun[];
}

export function outcomeOf(run: HealthRun | null): ChannelHealthOutcome {
  if (!run) return 'never-run';
  if (run.state === 'running') return 'running';
  if (run.state === 'failed') return 'failed';
  return run.errors > 0 ? 'finished-with-errors' : 'finished';
}

export class ChannelHealthService {
  constructor(
    private readonly db: Db,
    private readonly adapters: AdapterRegistry,
  ) {}

  async list(): Promise<ChannelHealth[]> {
    const rows = await channelHealth(this.db, { runsPerChannel: TREND_RUNS, application: IMPORT_CUSTOMERS });
    return rows.map(({ runs, ...channel }) => {
      const lastRun = runs[0] ?? null;
      return {
        ...channel,
        adapterLabel: this.#label(channel.adapter),
        outcome: outcomeOf(lastRun),
        lastRun,
        recentRuns: runs,
      };
    });
  }

  #label(kind: string): string {
    try {
      return this.adapters.get(kind).label;
    } catch {
      return kind;
    }
  }
}
