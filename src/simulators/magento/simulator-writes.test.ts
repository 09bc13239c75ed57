/** The simulator's writes (create, save, delete) with Magento's validation, over HTTP. */
import { describe, expect, it } from 'vitest';
import { call, useSimulators } from '../../../test/support/magento-simulator.ts';
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';

const start = useSimulators({ customers: 12, seed: 5, brokenShare: 0 });

describe('writes', () => {
  const address = {
    firstname: 'Ingrid',
    lastname: 'Sørensen',
    street: ['Nørregade 7', '2. tv.'],
    city: 'København K',
    postcode: '1165',
    country_id: 'DK',
    telephone: '+45 33 12 34 56',
    default_billing: true,
    default_shipping: true,
  };

  it('creates a customer like Magento: ids, defaults, dates from the shop clock, nulls left out', async () => {
    const now = new Date('2025-07-01T09:30:15.789Z');
    const sim = await start({ clock: () => now });
    const created = await call(sim, 'POST', '/rest/V1/customers', {
      token: null,
      body: {
        customer: {
          email: 'ingrid@example.dk',
          firstname: 'Ingrid',
          lastname: 'Sørensen',
          addresses: [address],
        },
      },
    });
    expect(created.status).toBe(200);
    const customer = created.body as MagentoCustomer;
    const addressId = customer.addresses?.[0]?.id as number;
    expect(customer).toMatchObject({
      group_id: 1,
      default_billing: String(addressId),
      default_shipping: String(addressId),
      created_at: '2025-07-01 09:30:15',
      updated_at: '2025-07-01 09:30:15',
      created_in: 'Default Store View',
      store_id: 1,
      website_id: 1,
      extension_attributes: { is_subscribed: false },
    });
    expect(customer.id).toBeGreaterThan(
      Math.max(
        ...sim.store
          .list()
          .filter((c) => c.id !== customer.id)
          .map((c) => c.id as number),
      ),
    );
    expect(customer).not.toHaveProperty('taxvat');
    expect(customer.addresses?.[0]).toEqual({
      id: addressId,
      customer_id: customer.id,
      region: { region_code: null, region: null, region_id: 0 },
      region_id: 0,
      country_id: 'DK',
      street: ['Nørregade 7', '2. tv.'],
      telephone: '+45 33 12 34 56',
      postcode: '1165',
      city: 'København K',
      firstname: 'Ingrid',
      lastname: 'Sørensen',
      default_billing: true,
      default_shipping: true,
    });
  });

  it('validates like Magento: required names, e-mail, address fields, unique e-mail', async () => {
    const sim = await start();
    const post = (customer: unknown) =>
      call(sim, 'POST', '/rest/V1/customers', { token: null, body: { customer } });
    expect(await post({ email: 'a@b.de', lastname: 'X' })).toMatchObject({
      status: 400,
      body: {
        message: '"%fieldName" is required. Enter and try again.',
        parameters: { fieldName: 'firstname' },
      },
    });
    expect(await post({ email: 'not-an-email', firstname: 'A', lastname: 'B' })).toMatchObject({
      status: 400,
      body: { parameters: { fieldName: 'email', value: 'not-an-email' } },
    });
    expect(await post({ email: 'x', firstname: '', lastname: '' })).toMatchObject({
      status: 400,
      body: { message: 'One or more input exceptions have occurred.' },
    });
    const { firstname: _omitted, ...withoutName } = address;
    expect(
      await post({ email: 'a@b.de', firstname: 'A', lastname: 'B', addresses: [withoutName] }),
    ).toMatchObject({
      status: 400,
      body: { parameters: { fieldName: 'firstname' } },
    });
    expect(
      await post({
        email: 'a@b.de',
        firstname: 'A',
        lastname: 'B',
        addresses: [{ ...address, country_id: 'UK' }],
      }),
    ).toMatchObject({
      status: 400,
      body: { parameters: { fieldName: 'countryId', value: 'UK' } },
    });
    const taken = sim.store.list()[0]?.email as string;
    expect(await post({ email: taken.toUpperCase(), firstname: 'A', lastname: 'B' })).toMatchObject({
      status: 400,
      body: { message: 'A customer with the same email address already exists in an associated website.' },
    });
  });

  it('saves with PUT: updated_at from the shop clock, created_at kept, addresses replaced only when sent', async () => {
    let now = new Date('2025-07-01T10:00:00Z');
    const sim = await start({ clock: () => now });
    const before = sim.store.list().find((c) => (c.addresses?.length ?? 0) > 0) as MagentoCustomer;
    now = new Date('2025-07-02T11:22:33Z');
    const saved = await call(sim, 'PUT', `/rest/V1/customers/${before.id}`, {
      body: {
        customer: { ...before, firstname: 'Zoë', updated_at: '2001-01-01 00:00:00', addresses: undefined },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      firstname: 'Zoë',
      created_at: before.created_at,
      updated_at: '2025-07-02 11:22:33',
      addresses: before.addresses,
    });
    expect(sim.store.get(before.id as number)?.firstname).toBe('Zoë');
    const more = await call(sim, 'PUT', `/rest/V1/customers/${before.id}`, {
      body: {
        customer: {
          ...before,
          addresses: [
            ...(before.addresses ?? []),
            { ...address, default_billing: false, default_shipping: false },
          ],
        },
      },
    });
    const addresses = (more.body as MagentoCustomer).addresses ?? [];
    expect(addresses).toHaveLength((before.addresses?.length ?? 0) + 1);
    expect(addresses.slice(0, -1).map((a) => a.id)).toEqual(before.addresses?.map((a) => a.id));
    expect((more.body as MagentoCustomer).default_billing).toBe(before.default_billing);
  });

  it('deletes: true, then 404; writes need Magento_Customer::manage', async () => {
    const sim = await start({ tokenResources: ['Magento_Customer::customer'] });
    const id = sim.store.list()[0]?.id as number;
    expect((await call(sim, 'DELETE', `/rest/V1/customers/${id}`)).status).toBe(401);
    const admin = await start();
    const adminId = admin.store.list()[0]?.id as number;
    expect(await call(admin, 'DELETE', `/rest/V1/customers/${adminId}`)).toMatchObject({
      status: 200,
      body: true,
    });
    expect((await call(admin, 'DELETE', `/rest/V1/customers/${adminId}`)).status).toBe(404);
    expect(admin.store.get(adminId)).toBeUndefined();
  });
});
