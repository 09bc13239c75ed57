import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';

const migrationsFolder = fileURLToPath(new URL('../../test/support/test-migrations/', import.meta.url));

/** Resolves when `received` holds `count` payloads (or fails after a while). */
async function waitFor(received: string[], count: number): Promise<void> {
  for (let i = 0; i < 200 && received.length < count; i++) await sleep(10);
  expect(received).toHaveLength(count);
}

describeEachDb(
  'LISTEN/NOTIFY',
  (getDb) => {
    it('delivers notifications to the channel listeners until they stop listening', async () => {
      const db = getDb();
      const a: string[] = [];
      const b: string[] = [];
      const other: string[] = [];
      const stopA = await db.listen('job_ready', (payload) => a.push(payload));
      const stopB = await db.listen('job_ready', (payload) => b.push(payload));
      await db.listen('other_channel', (payload) => other.push(payload));

      await db.query(`SELECT pg_notify('job_ready', 'one')`);
      await waitFor(a, 1);
      await waitFor(b, 1);
      expect(a).toEqual(['one']);

      await stopA();
      await stopA(); // idempotent
      await db.query(`NOTIFY job_ready, 'two'`);
      await waitFor(b, 2);
      expect(b).toEqual(['one', 'two']);
      expect(a).toEqual(['one']);
      expect(other).toEqual([]);
      await stopB();
    });

    it('delivers a notification of a transaction when it commits, and never when it rolls back', async () => {
      const db = getDb();
      const received: string[] = [];
      await db.listen('job_ready', (payload) => received.push(payload));
      await db
        .transaction(async (tx) => {
          await tx.query(`SELECT pg_notify('job_ready', 'rolled back')`);
          throw new Error('no');
        })
        .catch(() => undefined);
      await db.transaction(async (tx) => {
        await tx.query(`SELECT pg_notify('job_ready', $1)`, ['committed']);
      });
      await waitFor(received, 1);
      await sleep(50);
      expect(received).toEqual(['committed']);
    });

    it('refuses channel names that are not plain lower-case identifiers', async () => {
      await expect(getDb().listen('Job-Ready', () => undefined)).rejects.toMatchObject({
        code: 'DB_CHANNEL_INVALID',
      });
    });
  },
  { migrationsFolder },
);
