import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import type { Db, Queryable } from './db.ts';

const migrationsFolder = fileURLToPath(new URL('../../test/support/test-migrations/', import.meta.url));

async function names(db: Queryable): Promise<string[]> {
  return (await db.query<{ name: string }>('SELECT name FROM item ORDER BY name')).rows.map((r) => r.name);
}

async function counter(db: Db): Promise<number> {
  return (await db.query<{ value: number }>(`SELECT value FROM counter WHERE name = 'main'`)).rows[0]!.value;
}

describeEachDb(
  'transactions',
  (getDb) => {
    it('commits everything when the callback resolves, and returns its value', async () => {
      const db = getDb();
      const result = await db.transaction(async (tx) => {
        await tx.query(`INSERT INTO item (name) VALUES ('a')`);
        await tx.exec(`INSERT INTO item (name) VALUES ('b'); INSERT INTO item (name) VALUES ('c');`);
        return names(tx);
      });
      expect(result).toEqual(['a', 'b', 'c']);
      expect(await names(db)).toEqual(['a', 'b', 'c']);
    });

    it('rolls back everything when the callback throws, and rethrows its error', async () => {
      const db = getDb();
      await db.query(`INSERT INTO item (name) VALUES ('before')`);
      const failure = new Error('boom');
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO item (name) VALUES ('a')`);
          await tx.exec(`UPDATE counter SET value = 99; DELETE FROM item WHERE name = 'before';`);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await names(db)).toEqual(['before']);
      expect(await counter(db)).toBe(0);
    });

    it('rolls back when a statement fails and the callback lets the error through', async () => {
      const db = getDb();
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO item (name) VALUES ('a')`);
          await tx.query(`INSERT INTO item (name) VALUES ('a')`);
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await names(db)).toEqual([]);
    });

    it('refuses to commit when a failed statement was swallowed', async () => {
      const db = getDb();
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO item (name) VALUES ('a')`);
          await tx.query('SELECT 1/0').catch(() => undefined);
        }),
      ).rejects.toMatchObject({ code: 'DB_TRANSACTION_ABORTED', kind: 'bug' });
      expect(await names(db)).toEqual([]);
      expect(await db.query('SELECT 1 AS ok')).toMatchObject({ rows: [{ ok: 1 }] }); // still usable
    });

    it('refuses the db inside its own transaction callback instead of deadlocking', async () => {
      const db = getDb();
      await expect(db.transaction(async () => db.query('SELECT 1'))).rejects.toMatchObject({
        code: 'DB_USED_INSIDE_TRANSACTION',
      });
      await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toMatchObject({
        code: 'DB_USED_INSIDE_TRANSACTION',
      });
      await expect(db.transaction(async () => db.close())).rejects.toMatchObject({
        code: 'DB_USED_INSIDE_TRANSACTION',
      });
      // after the transaction, work started inside it may use the db again
      let later: Promise<unknown> = Promise.resolve();
      await db.transaction(async () => {
        later = sleep(20).then(() => db.query('SELECT 1'));
      });
      await expect(later).resolves.toMatchObject({ rowCount: 1 });
    });

    it('refuses a transaction handle after its transaction ended', async () => {
      const db = getDb();
      let saved: Queryable | null = null;
      await db.transaction(async (tx) => {
        saved = tx;
      });
      await expect(saved!.query('SELECT 1')).rejects.toMatchObject({ code: 'DB_TRANSACTION_CLOSED' });
    });

    it('runs concurrent transactions without losing updates', async () => {
      const db = getDb();
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const { rows } = await tx.query<{ value: number }>(
              `SELECT value FROM counter WHERE name = 'main' FOR UPDATE`,
            );
            await sleep(1);
            await tx.query(`UPDATE counter SET value = $1 WHERE name = 'main'`, [rows[0]!.value + 1]);
          }),
        ),
      );
      expect(await counter(db)).toBe(20);
    });

    it('never lets a query issued during a transaction see or join its uncommitted work', async () => {
      const db = getDb();
      let release!: () => void;
      const insertedInside = new Promise<void>((resolve) => {
        release = resolve;
      });
      const transaction = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO item (name) VALUES ('inside')`);
        release();
        await sleep(100);
        throw new Error('roll back');
      });
      await insertedInside;
      // Issued while the transaction runs: PGlite queues it behind the transaction, PostgreSQL runs it on
      // another connection. Either way it neither sees 'inside' nor is rolled back with it.
      const outsideWrite = db.query(`INSERT INTO item (name) VALUES ('outside')`);
      const outsideRead = names(db);
      await expect(transaction).rejects.toThrow('roll back');
      await outsideWrite;
      expect(await outsideRead).not.toContain('inside');
      expect(await names(db)).toEqual(['outside']);
    });

    it('refuses use after close', async () => {
      const db = getDb();
      await db.close();
      await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: 'DB_CLOSED' });
      await db.close(); // idempotent
    });
  },
  { migrationsFolder },
);
