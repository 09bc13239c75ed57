/** Processing queues (the System cockpit's "Processing queue" category): add, edit and list. */
import { ConfigError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import type { Queryable } from '../storage/db.ts';
import {
  findQueue,
  findQueueId,
  insertQueue,
  listQueues,
  type ProcessingQueue,
  updateQueue,
} from '../storage/queue-store.ts';
import { assertName } from './batch-settings.ts';

export const DEFAULT_QUEUE = 'default';
const MAX_DESCRIPTION = 200;

function description(text: string | null | undefined): string | null {
  const value = text?.trim() || null;
  if (value !== null && value.length > MAX_DESCRIPTION)
    throw new InvalidInputError(`The description must be at most ${MAX_DESCRIPTION} characters.`, {
      field: 'description',
    });
  return value;
}

export async function addQueue(
  db: Queryable,
  name: string,
  text: string | null = null,
): Promise<ProcessingQueue> {
  assertName('Processing queue', name, 'name');
  if (!(await insertQueue(db, name, description(text))))
    throw new ConfigError('NAME_TAKEN', `Processing queue "${name}" already exists.`);
  const queue = await findQueue(db, name);
  if (!queue) throw new NotFoundError('Processing queue', name);
  return queue;
}

/** Changes a queue's description (empty: none). */
export async function editQueue(db: Queryable, name: string, text: string | null): Promise<ProcessingQueue> {
  const queue = await updateQueue(db, name, description(text));
  if (!queue) throw new NotFoundError('Processing queue', name);
  return queue;
}

export async function queues(db: Queryable): Promise<ProcessingQueue[]> {
  return await listQueues(db);
}

export async function queueExists(db: Queryable, name: string): Promise<boolean> {
  return (await findQueueId(db, name)) !== null;
}
