import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/support/test-databases.ts';
import { defaultAdapters } from '../../adapters/registry.ts';
import { ChannelService } from '../../channels/channel-service.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { importCustomersApplication } from './import-customers-app.ts';

const app = importCustomersApplication(defaultAdapters);

describeEachDb('Import customers settings', (getDb) => {
  beforeEach(async () => {
    const channels = new ChannelService(getDb(), defaultAdapters);
    const common = { customerApproval: false, pseudoPartnerNumber: null, url: 'https://shop.example.com' };
    await channels.add({ ...common, name: 'shop', adapter: 'shopware', type: 'b2c', settings: sw() });
    await channels.add({
      ...common,
      name: 'amazon',
      adapter: 'amazon',
      type: 'b2c',
      settings: {
        marketplaceIds: 'A1PA6795UKMFR9',
        clientId: 'amzn1.application-oa2-client.abc',
        clientSecret: 's',
        refreshToken: 'Atzr|x',
      },
    });
  });
  const sw = () => ({ clientId: 'SWIA1', clientSecret: 'secret' });

  it('stores the settings normalised', async () => {
    expect(await app.parseSettings({ channel: ' shop ', changedSince: 'anytime' }, getDb())).toEqual({
      channel: 'shop',
      changedSince: 'anytime',
      timestamp: null,
      emails: null,
      deactivateDeleted: false,
      confirmAllWarnings: false,
    });
  });

  it.each([
    [{ channel: '' }, 'channel', 'Sales channel is required.'],
    [{ channel: 'nope' }, 'channel', 'Sales channel "nope" does not exist.'],
    [{ channel: 'shop', changedSince: 'yesterday' }, 'changedSince', 'Changed since "yesterday"'],
    [{ channel: 'shop', changedSince: 'manual', timestamp: 'tuesday' }, 'timestamp', 'ISO 8601'],
    [{ channel: 'shop', changedSince: 'anytime', timestamp: '2026-01-01T00:00:00Z' }, 'timestamp', 'Manual'],
    [{ channel: 'shop', changedSince: 'manual', timestamp: '2999-01-01T00:00:00Z' }, 'timestamp', 'future'],
    [{ channel: 'shop', emails: 'a@example.com' }, 'emails', 'must be a list'],
    [{ channel: 'shop', emails: ['not-an-email'] }, 'emails', 'is not an e-mail address'],
    [{ channel: 'shop', emails: ['a@example.com'] }, 'emails', 'cannot select customers by e-mail'],
    [{ channel: 'shop', deactivateDeleted: 'yes' }, 'deactivateDeleted', 'true or false'],
    [{ channel: 'amazon', deactivateDeleted: true }, 'deactivateDeleted', 'cannot detect deleted'],
  ])('refuses %j naming the field %s', async (raw, field, message) => {
    const error = await app.parseSettings(raw, getDb()).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field, message: expect.stringContaining(message) });
  });
});
