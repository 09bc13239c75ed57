/**
 * The direct renderer builds the same JSON as the generic one (renderEntity) for the same customer: the
 * adapter's criteria (addresses sorted, with their country, cut by includes) and variants of it.
 */
import { describe, expect, it } from 'vitest';
import type { Criteria } from '../../adapters/shopware/criteria.ts';
import { DEFAULT_SEED_UNTIL, generateShop } from './seed.ts';
import { parseCriteria } from './simulator-criteria.ts';
import { renderEntity } from './simulator-render.ts';
import { directRenderer } from './simulator-render-direct.ts';

const ADAPTER: Criteria = {
  associations: {
    addresses: {
      associations: { country: {} },
      sort: [
        { field: 'createdAt', order: 'ASC' },
        { field: 'id', order: 'ASC' },
      ],
    },
  },
  includes: {
    customer: ['id', 'email', 'firstName', 'vatIds', 'guest', 'updatedAt', 'addresses', 'nonsense'],
    customer_address: ['id', 'street', 'additionalAddressLine2', 'countryId', 'country', 'createdAt'],
    country: ['id', 'iso', 'name'],
  },
};

const VARIANTS: Record<string, Criteria> = {
  adapter: ADAPTER,
  'addresses by city, descending': {
    ...ADAPTER,
    associations: { addresses: { sort: [{ field: 'city', order: 'DESC' }] } },
  },
  'addresses filtered': {
    ...ADAPTER,
    associations: { addresses: { filter: [{ type: 'equals', field: 'phoneNumber', value: null }] } },
  },
  'association not loaded, apiAlias in the middle': {
    includes: { customer: ['id', 'apiAlias', 'addresses', 'defaultBillingAddress', 'lastName'] },
  },
  'default billing address with its country and state': {
    associations: { defaultBillingAddress: { associations: { country: {}, countryState: {} } } },
    includes: {
      customer: ['id', 'defaultBillingAddress'],
      customer_address: ['id', 'country', 'countryState', 'countryStateId'],
      country: ['iso'],
      country_state: ['shortCode', 'name'],
    },
  },
};

describe('direct rendering (Shopware)', () => {
  const { customers } = generateShop({
    customers: 150,
    seed: 3,
    brokenShare: 0.1,
    until: DEFAULT_SEED_UNTIL,
  });

  it.each(Object.entries(VARIANTS))('renders as renderEntity does: %s', (_, body) => {
    const criteria = parseCriteria(body, 'customer', null);
    const render = directRenderer('customer', criteria);
    expect(render).not.toBeNull();
    for (const customer of customers) {
      const record = customer as unknown as Record<string, unknown>;
      const direct = JSON.stringify(render?.(record));
      expect(direct).toBe(JSON.stringify(renderEntity('customer', record, criteria)));
    }
  });

  it('leaves criteria without includes for every rendered entity to renderEntity', () => {
    expect(directRenderer('customer', parseCriteria({}, 'customer', null))).toBeNull();
    const nested = { ...ADAPTER, includes: { customer: ['id', 'addresses'] } };
    expect(directRenderer('customer', parseCriteria(nested, 'customer', null))).toBeNull();
  });
});
