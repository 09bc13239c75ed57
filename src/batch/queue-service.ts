/** Processing queues (the System cockpit's "Processing queue" category): add and list. */
import { ConfigError } from '../domain/errors.ts';
import type { Queryable } from '../storage/db.ts';
import { insertQueue, listQueues, type ProcessingQueue } from '../storage/queue-store.ts';
import { assertName } from './batch-settings.ts';

export const DEFAULT_QUEUE = 'default';

export async function addQueue(
  db: Queryable,
  name: string,
  description: string | null = null,
): Promise<void> {
  assertName('Processing queue', name);
  if (!(await insertQueue(db, name, description?.trim() || null)))
    throw new ConfigError('QUEUE_EXISTS', `Processing queue "${name}" already exists.`);
}

export async function queues(db: Queryable): Promise<ProcessingQueue[]> {
  return await listQueues(db);
}
