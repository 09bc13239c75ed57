/** SQL for processing queues (the System cockpit's "Processing queue" category). */
import type { Queryable } from './db.ts';
import { iso, num } from './sql-values.ts';

export interface ProcessingQueue {
  id: number;
  name: string;
  description: string | null;
  createdAt: string;
  /** Jobs waiting in the queue (ready) and running (active). */
  ready: number;
  active: number;
}

interface QueueRow {
  id: unknown;
  name: string;
  description: string | null;
  created_at: unknown;
  ready: unknown;
  active: unknown;
}

/** Queues with their ready and active jobs; $1: one queue by name, or null for all. */
const QUEUES = `select q.id, q.name, q.description, q.created_at,
    count(j.id) filter (where j.state = 'ready') as ready,
    count(j.id) filter (where j.state = 'active') as active
  from processing_queue q left join batch_job j on j.queue_id = q.id and j.state in ('ready', 'active')
  where $1::text is null or q.name = $1
  group by q.id order by q.name`;

function toQueue(row: QueueRow): ProcessingQueue {
  return {
    id: num(row.id),
    name: row.name,
    description: row.description,
    createdAt: iso(row.created_at),
    ready: num(row.ready),
    active: num(row.active),
  };
}

/** Inserts a queue; false when the name is taken. */
export async function insertQueue(db: Queryable, name: string, description: string | null): Promise<boolean> {
  const result = await db.query(
    'insert into processing_queue (name, description) values ($1, $2) on conflict (name) do nothing',
    [name, description],
  );
  return result.rowCount === 1;
}

/** Sets a queue's description; null when there is no queue of that name. */
export async function updateQueue(
  db: Queryable,
  name: string,
  description: string | null,
): Promise<ProcessingQueue | null> {
  const result = await db.query('update processing_queue set description = $2 where name = $1', [
    name,
    description,
  ]);
  return result.rowCount === 1 ? await findQueue(db, name) : null;
}

export async function findQueueId(db: Queryable, name: string): Promise<number | null> {
  const result = await db.query<{ id: unknown }>('select id from processing_queue where name = $1', [name]);
  const row = result.rows[0];
  return row ? num(row.id) : null;
}

export async function findQueue(db: Queryable, name: string): Promise<ProcessingQueue | null> {
  const result = await db.query<QueueRow>(QUEUES, [name]);
  const row = result.rows[0];
  return row ? toQueue(row) : null;
}

export async function listQueues(db: Queryable): Promise<ProcessingQueue[]> {
  const result = await db.query<QueueRow>(QUEUES, [null]);
  return result.rows.map(toQueue);
}
