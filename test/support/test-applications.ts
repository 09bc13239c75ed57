/** Test support for batch job tests in src/: a batch application that is never run, and batch settings. */

import {
  type BatchApplication,
  BatchApplications,
  defineApplication,
} from '../../src/batch/batch-application.ts';
import type { BatchSettingsInput } from '../../src/batch/batch-settings.ts';
import { InvalidInputError } from '../../src/domain/errors.ts';

/** A batch application whose one setting, `steps`, must be a whole number (field `steps`). */
export const counterApplication: BatchApplication = defineApplication<{ steps: number }>({
  name: 'counter',
  label: 'Counter',
  developmentObject: 'com.kontor.test.Counter',
  async parseSettings(raw) {
    const steps = (raw as { steps?: unknown } | null)?.steps;
    if (!Number.isInteger(steps))
      throw new InvalidInputError('Steps must be a whole number.', { field: 'steps' });
    return { steps: steps as number };
  },
  async run() {
    throw new Error('The counter application is not run in tests.');
  },
});

export const counterApplications = new BatchApplications([counterApplication]);

export function testBatch(overrides: Partial<BatchSettingsInput> = {}): BatchSettingsInput {
  return { user: 'anna', oltpDatabase: 'default', queue: 'default', timeZone: 'UTC', ...overrides };
}
