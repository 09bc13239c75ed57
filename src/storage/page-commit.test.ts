import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import type { Queryable } from './db.ts';
import { commitPageWithoutFlush } from './import-run-store.ts';

const setting = async (db: Queryable) =>
  (await db.query<{ value: string }>(`select current_setting('synchronous_commit') as value`)).rows[0]?.value;

describeEachDb('a page commit without flush', (getDb) => {
  it('holds for its own transaction only; later transactions commit durably again', async () => {
    const db = getDb();
    expect(await setting(db)).toBe('on');
    const inside = await db.transaction(async (tx) => {
      await commitPageWithoutFlush(tx);
      return setting(tx);
    });
    expect(inside).toBe('off');
    expect(await setting(db)).toBe('on');
    expect(await db.transaction((tx) => setting(tx))).toBe('on');
  });
});
