/**
 * The write-only benchmark imports what it claims: every generated customer becomes a partner with its
 * addresses and link through the real import, and the second import finds every record unchanged.
 * (Its speed is measured by running it, never asserted here.)
 */
import { expect, it } from 'vitest';
import { generatedCustomer, measureWriteOnly } from '../bench/write-only.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('bench/write-only.ts', (getDb) => {
  it('imports the generated customers through the real import, then finds them unchanged', async () => {
    const db = getDb();
    const result = await measureWriteOnly({
      db,
      customers: 450,
      pageSize: 200,
      reimport: true,
      channel: 'bench',
    });
    expect(result.unchanged).toBeDefined();
    const partners = await listPartners(db, { channel: 'bench' });
    expect(partners).toHaveLength(450);
    const last = generatedCustomer(449);
    const stored = partners.find((partner) => partner.links[0]?.externalId === last.externalId);
    expect(stored).toMatchObject({ email: last.email, lastName: last.lastName });
    expect(stored?.addresses.map((address) => address.street)).toEqual(last.addresses.map((a) => a.street));
    const runs = await db.query<{ read_count: number; created_count: number; unchanged_count: number }>(
      'select read_count, created_count, unchanged_count from import_run order by id',
    );
    expect(runs.rows).toEqual([
      { read_count: 450, created_count: 450, unchanged_count: 0 },
      { read_count: 450, created_count: 0, unchanged_count: 450 },
    ]);
  });
});
