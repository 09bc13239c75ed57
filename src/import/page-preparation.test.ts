import { afterEach, expect, it, vi } from 'vitest';
import { channelCustomer } from '../../test/support/channel-customers.ts';
import { describeEachDb } from '../../test/support/test-databases.ts';
import * as rows from '../storage/partner-rows.ts';
import { customerFacts } from './customer-facts.ts';
import { preparePage } from './page-preparation.ts';

afterEach(() => vi.restoreAllMocks());

describeEachDb('preparePage', (getDb) => {
  async function channelWithLinks(
    links: Array<{ externalId: string; fingerprint: string; active: boolean }>,
  ) {
    const db = getDb();
    const channel = await db.query<{ id: string }>(
      `insert into sales_channel (name, adapter, channel_type, url)
       values ('prep-' || md5(random()::text), 'magento', 'b2c', 'https://shop.example.com') returning id`,
    );
    const channelId = Number(channel.rows[0]!.id);
    for (const link of links) {
      const partner = await db.query<{ id: string }>(
        `insert into partner (number, partner_type, status, name)
         values ('P-' || md5(random()::text), 'B2C', 'Released', 'x') returning id`,
      );
      await db.query(
        `insert into channel_link (channel_id, external_id, partner_id, imported_at, fingerprint, active)
         values ($1, $2, $3, now(), $4, $5)`,
        [channelId, link.externalId, partner.rows[0]!.id, link.fingerprint, link.active],
      );
    }
    return channelId;
  }

  it('works out ahead the rows of the records that will be written (on PostgreSQL), not of unchanged ones', async () => {
    const db = getDb();
    const same = channelCustomer({ externalId: 's', updatedAt: '2026-01-01T00:00:00Z', lastName: 'Same' });
    const changed = channelCustomer({ externalId: 'c', updatedAt: '2026-01-01T00:00:00Z', lastName: 'New' });
    const inactive = channelCustomer({
      externalId: 'i',
      updatedAt: '2026-01-01T00:00:00Z',
      lastName: 'Gone',
    });
    const fresh = channelCustomer({ externalId: 'f', updatedAt: '2026-01-01T00:00:00Z', lastName: 'Fresh' });
    const channelId = await channelWithLinks([
      { externalId: 's', fingerprint: customerFacts(same).fingerprint, active: true },
      { externalId: 'c', fingerprint: 'older data', active: true },
      { externalId: 'i', fingerprint: customerFacts(inactive).fingerprint, active: false },
    ]);
    const history = vi.spyOn(rows, 'createdHistoryJson');
    await preparePage(db, { id: channelId, type: 'b2c' }, [same, changed, inactive, fresh]);
    const prepared = history.mock.calls.map(([customer]) => customer.externalId);
    expect(prepared).toEqual(db.kind === 'postgres' ? ['c', 'i', 'f'] : []);
  });

  it('passes over a failed look-up: every record is then prepared on PostgreSQL', async () => {
    const db = getDb();
    const customer = channelCustomer({ externalId: 'x', updatedAt: '2026-01-01T00:00:00Z', lastName: 'X' });
    vi.spyOn(db, 'query').mockRejectedValue(new Error('connection lost'));
    const history = vi.spyOn(rows, 'createdHistoryJson');
    await expect(preparePage(db, { id: 1, type: 'b2c' }, [customer])).resolves.toBeUndefined();
    expect(history).toHaveBeenCalledTimes(db.kind === 'postgres' ? 1 : 0);
  });
});
