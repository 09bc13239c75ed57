/** One bad record never stops the run: records the partner master refuses are logged, the rest of their page lands. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listOpenRecords } from '../src/storage/open-record-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { addMagentoChannel, importRequest, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = testAdapters;

describeEachDb('Records the partner master refuses', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 30, seed: 5, brokenShare: 0 });
    sim.store.change(4, (customer) => {
      customer.lastname = 'Refused';
    });
    sim.store.change(9, (customer) => {
      customer.firstname = 'Nul\u0000l';
    });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('logs the refused records and imports the rest of their page', async () => {
    const db = getDb();
    // A rule of the ERP's database (as a DBA might add one) that this import does not know about.
    await db.query(
      `alter table partner add constraint erp_rule check (last_name is distinct from 'Refused')`,
    );
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c' });
    const run = await runImport({ db, adapters }, importRequest('shop', { confirmAllWarnings: true }));
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: 30, created: 28, errors: 2 });
    const log = await getRunLog(db, run.id);
    const errors = log.filter((line) => line.level === 'error');
    expect(errors.map((line) => [line.externalId, line.code]).sort()).toEqual([
      ['4', 'WRITE_REFUSED'],
      ['9', 'INVALID_CHARACTERS'],
    ]);
    expect(log.find((line) => line.externalId === '4')?.message).toContain('erp_rule');
    const imported = (await listPartners(db, { channel: 'shop' })).map((p) => p.links[0]?.externalId);
    expect(imported).toHaveLength(28);
    expect(imported).not.toContain('4');
    expect(imported).not.toContain('9');
    // Both are kept as open records with their codes (the NUL dropped from the kept record, not the record lost).
    const open = await listOpenRecords(db, { channel: 'shop', state: 'open' });
    expect(open.records.map((record) => [record.externalId, record.codes]).sort()).toEqual([
      ['4', ['WRITE_REFUSED']],
      ['9', ['INVALID_CHARACTERS']],
    ]);
  });
});
