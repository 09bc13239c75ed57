import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { checkpointEmbedded } from './pglite-checkpoint.ts';

describeEachDb('checkpointEmbedded', (getDb) => {
  it('checkpoints PGlite, so that its WAL before the checkpoint can be recycled; PostgreSQL does that itself', async () => {
    const db = getDb();
    const redo = async () =>
      String(
        (await db.query<{ redo: unknown }>('select redo_lsn::text as redo from pg_control_checkpoint()'))
          .rows[0]?.redo,
      );
    await db.query(
      `insert into partner (number, partner_type, status, name)
       select 'cp-' || i, 'B2C', 'Released', 'Person ' || i from generate_series(1, 2000) i`,
    );
    const before = await redo();
    const done = await checkpointEmbedded(db);
    if (db.kind === 'postgres') {
      expect(done).toBe(false);
      return;
    }
    expect(done).toBe(true);
    expect(await redo()).not.toBe(before);
  });
});
