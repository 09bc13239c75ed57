/**
 * Test support for batch jobs: a test batch application that sleeps in steps (honouring its AbortSignal),
 * fast application-server timing, and helpers to file jobs and wait for states.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { importCustomersApplication } from '../../src/batch/applications/import-customers-app.ts';
import {
  type BatchApplication,
  BatchApplications,
  defineApplication,
} from '../../src/batch/batch-application.ts';
import type { BatchSettingsInput } from '../../src/batch/batch-settings.ts';
import { JobService } from '../../src/batch/job-service.ts';
import type { BatchJob } from '../../src/domain/batch-job.ts';
import { InvalidInputError } from '../../src/domain/errors.ts';
import type { Db } from '../../src/storage/db.ts';
import { testAdapters } from './import-fixtures.ts';

export interface SleepSettings {
  steps: number;
  stepMs: number;
  /** The run fails (hasErrors). */
  fail?: boolean;
  /** The run finishes with this many record errors. */
  errors?: number;
  /** The failure needs the user (a series stops). */
  needsUser?: boolean;
}

export const SLEEP_APP = 'test-sleep';

export const sleepApplication: BatchApplication = defineApplication<SleepSettings>({
  name: SLEEP_APP,
  label: 'Test: sleep in steps',
  developmentObject: 'com.kontor.test.Sleep',
  async parseSettings(raw) {
    const value = (raw ?? {}) as Partial<SleepSettings>;
    if (typeof value.steps !== 'number' || value.steps < 0)
      throw new InvalidInputError('steps must be a number.');
    return { steps: value.steps, stepMs: value.stepMs ?? 10, ...value } as SleepSettings;
  },
  async run({ settings, signal, onProgress }) {
    let done = 0;
    for (; done < settings.steps; done++) {
      if (signal.aborted) break;
      await sleep(settings.stepMs);
      onProgress({ steps: done + 1 });
    }
    const counts = { steps: done, errors: settings.errors ?? 0 };
    if (signal.aborted) {
      return {
        state: 'failed',
        hasErrors: true,
        counts,
        error: { code: 'ABORTED', message: 'stopped' },
        needsUser: false,
        summary: `stopped after ${done} steps`,
      };
    }
    if (settings.fail) {
      return {
        state: 'failed',
        hasErrors: true,
        counts,
        error: { code: 'TEST_FAILED', message: 'failed on purpose' },
        needsUser: settings.needsUser === true,
        summary: 'failed on purpose',
      };
    }
    const errors = settings.errors ?? 0;
    return {
      state: 'finished',
      hasErrors: errors > 0,
      counts,
      error: null,
      needsUser: false,
      summary: `slept ${done} steps, ${errors} errors`,
    };
  },
});

export const testApplications = new BatchApplications([
  sleepApplication,
  importCustomersApplication(testAdapters),
]);

/** Fast timing for tests: NOTIFY does the quick work, polling and leases are short. */
export const FAST_TIMING = { pollMs: 200, heartbeatMs: 100, leaseSeconds: 1, startWindowSeconds: 2 };

export function batch(overrides: Partial<BatchSettingsInput> = {}): BatchSettingsInput {
  return { user: 'tester', oltpDatabase: 'default', queue: 'default', timeZone: 'UTC', ...overrides };
}

export async function fileSleep(
  db: Db,
  settings: Partial<SleepSettings>,
  overrides: Partial<BatchSettingsInput> = {},
): Promise<BatchJob> {
  return await new JobService(db, testApplications).file({
    application: SLEEP_APP,
    settings: { steps: 1, stepMs: 10, ...settings },
    batch: batch(overrides),
  });
}

/** Polls `probe` until it returns a value that is not undefined/false. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits until the job is in one of these states and returns it. */
export async function jobInState(
  db: Db,
  id: number,
  states: readonly string[],
  timeoutMs = 10_000,
): Promise<BatchJob> {
  const service = new JobService(db, testApplications);
  let last = '';
  try {
    return await eventually(async () => {
      const job = await service.show(String(id));
      last = job.state;
      return states.includes(job.state) ? job : undefined;
    }, timeoutMs);
  } catch {
    throw new Error(`job ${id} is ${last}, not ${states.join(' or ')}, after ${timeoutMs} ms`);
  }
}
