import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { ZERO_COUNTS } from '../domain/import-run.ts';
import type { Db, Queryable } from './db.ts';
import { recordPage, startRun } from './import-run-store.ts';
import { num } from './sql-values.ts';

const setting = async (db: Queryable) =>
  (await db.query<{ value: string }>(`select current_setting('synchronous_commit') as value`)).rows[0]?.value;

async function openRun(db: Db): Promise<number> {
  const channel = await db.query<{ id: unknown }>(
    `insert into sales_channel (name, adapter, channel_type, url) values ('shop', 'magento', 'b2c', 'https://x')
     returning id`,
  );
  const opened = await db.transaction((tx) =>
    startRun(
      tx,
      {
        channelId: num(channel.rows[0]!.id),
        changedSince: 'anytime',
        since: null,
        emails: null,
        options: {},
        watermarkBefore: null,
      },
      { ownLeaseSeconds: 60 },
    ),
  );
  if (opened.state !== 'opened') throw new Error(opened.state);
  return opened.runId;
}

describeEachDb('a page recorded without flush', (getDb) => {
  it('commits its own transaction without waiting for the disk; others commit durably', async () => {
    const db = getDb();
    const runId = await openRun(db);
    const page = { ...ZERO_COUNTS, read: 3, created: 3 };
    const [withoutFlush, durable] = [
      await db.transaction(async (tx) => {
        await recordPage(tx, runId, page, 'page-1', [], { flush: false });
        return setting(tx);
      }),
      await db.transaction(async (tx) => {
        await recordPage(tx, runId, page, 'page-2', []);
        return setting(tx);
      }),
    ];
    expect([withoutFlush, durable]).toEqual(['off', 'on']);
    expect(await setting(db)).toBe('on');
    const run = await db.query<{ read_count: number; cursor: string }>(
      'select read_count, cursor from import_run where id = $1',
      [runId],
    );
    expect(run.rows).toEqual([{ read_count: 6, cursor: 'page-2' }]);
  });
});
