/** The simulator's searchCriteria semantics, over HTTP, on a small hand-made shop. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQueryString } from '../../adapters/http/query-string.ts';
import type { MagentoCustomer, MagentoSearchResult } from '../../adapters/magento/magento-types.ts';
import {
  type SearchCriteria,
  type SearchFilter,
  searchCriteriaQuery,
} from '../../adapters/magento/search-criteria.ts';
import { type MagentoSimulator, startMagentoSimulator } from './simulator.ts';

let sim: MagentoSimulator;
let now = new Date('2025-01-01T10:00:00Z');

const PEOPLE = [
  {
    email: 'anna.mueller@gmx.de',
    firstname: 'Anna',
    lastname: 'Müller',
    country: 'DE',
    city: 'Berlin',
    company: 'Müller GmbH',
  },
  { email: 'jozef.wojcik@wp.pl', firstname: 'Józef', lastname: 'Wójcik', country: 'PL', city: 'Kraków' },
  {
    email: 'chloe.lefevre@orange.fr',
    firstname: 'Chloé',
    lastname: 'Lefèvre',
    country: 'FR',
    city: 'Lyon',
    company: 'Lefèvre SARL',
  },
  { email: 'ayse.yilmaz@gmail.com', firstname: 'Ayşe', lastname: 'Yılmaz', country: 'TR', city: 'İzmir' },
  { email: 'bjorn.aberg@telia.com', firstname: 'Björn', lastname: 'Åberg', country: 'SE', city: 'Malmö' },
  {
    email: 'anna.rossi@libero.it',
    firstname: 'Anna',
    lastname: 'Rossi',
    country: 'IT',
    city: 'Roma',
    taxvat: 'RSSNNA80A41H501X',
  },
];

beforeAll(async () => {
  sim = await startMagentoSimulator({ customers: 0, clock: () => now });
  for (const [index, person] of PEOPLE.entries()) {
    now = new Date(Date.parse('2025-01-01T10:00:00Z') + (index % 3) * 60_000);
    sim.store.create({
      email: person.email,
      firstname: person.firstname,
      lastname: person.lastname,
      taxvat: person.taxvat,
      addresses: [
        {
          firstname: person.firstname,
          lastname: person.lastname,
          street: ['Teststraße 1'],
          city: person.city,
          postcode: '12345',
          country_id: person.country,
          telephone: '+49 30 1234567',
          company: person.company,
          default_billing: true,
          default_shipping: true,
        },
      ],
    });
  }
});

afterAll(async () => {
  await sim.close();
});

async function search(
  criteria: Partial<SearchCriteria>,
  raw = '',
): Promise<{ status: number; body: MagentoSearchResult<MagentoCustomer> }> {
  const full: SearchCriteria = { filterGroups: [], sortOrders: [], ...criteria };
  const query = raw || buildQueryString(searchCriteriaQuery(full));
  const response = await fetch(`${sim.url}/rest/V1/customers/search?${query}`, {
    headers: { authorization: `Bearer ${sim.token}` },
  });
  return { status: response.status, body: (await response.json()) as MagentoSearchResult<MagentoCustomer> };
}

const f = (field: string, conditionType: string, value?: string): SearchFilter => ({
  field,
  conditionType,
  value,
});
const ids = (body: MagentoSearchResult<MagentoCustomer>): number[] =>
  body.items.map((item) => item.id as number);

describe('customer search filters', () => {
  it('ORs the filters of one group', async () => {
    const { body } = await search({
      filterGroups: [[f('firstname', 'eq', 'Józef'), f('lastname', 'eq', 'Rossi')]],
    });
    expect(ids(body)).toEqual([2, 6]);
    expect(body.total_count).toBe(2);
  });

  it('ANDs the groups', async () => {
    const { body } = await search({
      filterGroups: [[f('firstname', 'eq', 'Anna')], [f('billing_country_id', 'eq', 'IT')]],
    });
    expect(ids(body)).toEqual([6]);
  });

  it('compares text case- and accent-insensitively, like the utf8 general_ci collation', async () => {
    expect(ids((await search({ filterGroups: [[f('lastname', 'eq', 'MULLER')]] })).body)).toEqual([1]);
    expect(
      ids(
        (await search({ filterGroups: [[f('email', 'in', 'ANNA.MUELLER@GMX.DE,ayse.yilmaz@gmail.com')]] }))
          .body,
      ),
    ).toEqual([1, 4]);
  });

  it('supports like with % and _', async () => {
    expect(ids((await search({ filterGroups: [[f('email', 'like', 'anna.%')]] })).body)).toEqual([1, 6]);
    expect(ids((await search({ filterGroups: [[f('firstname', 'like', 'Bj_rn')]] })).body)).toEqual([5]);
    expect(ids((await search({ filterGroups: [[f('lastname', 'nlike', '%e%')]] })).body)).toEqual([2, 4, 6]);
  });

  it('splits in / nin values at commas without trimming', async () => {
    expect(ids((await search({ filterGroups: [[f('entity_id', 'in', '1,3,5')]] })).body)).toEqual([1, 3, 5]);
    expect(
      ids((await search({ filterGroups: [[f('email', 'in', 'x@y.z, anna.rossi@libero.it')]] })).body),
    ).toEqual([]);
    expect(ids((await search({ filterGroups: [[f('entity_id', 'nin', '1,2,3')]] })).body)).toEqual([4, 5, 6]);
  });

  it('compares numbers and dates by value', async () => {
    expect(ids((await search({ filterGroups: [[f('entity_id', 'gt', '4')]] })).body)).toEqual([5, 6]);
    expect(ids((await search({ filterGroups: [[f('entity_id', 'lteq', '2')]] })).body)).toEqual([1, 2]);
    const later = await search({ filterGroups: [[f('updated_at', 'gteq', '2025-01-01 10:01:00')]] });
    expect(ids(later.body)).toEqual([2, 3, 5, 6]);
    const range = await search({
      filterGroups: [
        [f('updated_at', 'from', '2025-01-01 10:01:00')],
        [f('updated_at', 'to', '2025-01-01 10:01:59')],
      ],
    });
    expect(ids(range.body)).toEqual([2, 5]);
    expect(ids((await search({ filterGroups: [[f('created_at', 'lt', '2025-01-01')]] })).body)).toEqual([]);
  });

  it('treats NULL like SQL: null / notnull match it, no comparison does', async () => {
    expect(ids((await search({ filterGroups: [[f('taxvat', 'notnull')]] })).body)).toEqual([6]);
    expect(ids((await search({ filterGroups: [[f('taxvat', 'null')]] })).body)).toEqual([1, 2, 3, 4, 5]);
    expect(ids((await search({ filterGroups: [[f('taxvat', 'neq', 'x')]] })).body)).toEqual([6]);
    expect(ids((await search({ filterGroups: [[f('company', 'notnull')]] })).body)).toEqual([1, 3]);
  });

  it('falls back to eq for an unknown condition type, as Magento does', async () => {
    expect(ids((await search({ filterGroups: [[f('firstname', 'startswith', 'Anna')]] })).body)).toEqual([
      1, 6,
    ]);
  });

  it('refuses fields the customer collection does not know, "id" included', async () => {
    const { status, body } = await search({ filterGroups: [[f('id', 'eq', '1')]] });
    expect(status).toBe(400);
    expect(body).toEqual({ message: 'Invalid attribute name: %1', parameters: ['id'] });
  });
});

describe('customer search sorting and paging', () => {
  it('sorts by several fields, ties by entity_id', async () => {
    const { body } = await search({
      sortOrders: [
        { field: 'updated_at', direction: 'ASC' },
        { field: 'entity_id', direction: 'DESC' },
      ],
    });
    expect(ids(body)).toEqual([4, 1, 5, 2, 6, 3]);
  });

  it('sorts DESC when the direction is missing (Magento quirk)', async () => {
    const { body } = await search({ sortOrders: [{ field: 'entity_id' }] });
    expect(ids(body)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(body.search_criteria.sort_orders).toEqual([{ field: 'entity_id' }]);
  });

  it('refuses a direction other than ASC / DESC', async () => {
    const { status, body } = await search(
      {},
      'searchCriteria[sortOrders][0][field]=email&searchCriteria[sortOrders][0][direction]=up',
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      message: 'The sort order has to be specified as %1 for ascending order or %2 for descending order.',
      parameters: ['ASC', 'DESC'],
    });
  });

  it('pages 1-based and echoes the criteria with total_count', async () => {
    const page2 = await search({
      sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
      pageSize: 4,
      currentPage: 2,
    });
    expect(ids(page2.body)).toEqual([5, 6]);
    expect(page2.body.total_count).toBe(6);
    expect(page2.body.search_criteria).toEqual({
      filter_groups: [],
      sort_orders: [{ field: 'entity_id', direction: 'ASC' }],
      page_size: 4,
      current_page: 2,
    });
    const page0 = await search({
      sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
      pageSize: 4,
      currentPage: 0,
    });
    expect(ids(page0.body)).toEqual([1, 2, 3, 4]);
  });

  it('answers past the last page with no items and the real total_count (Magento 2.4)', async () => {
    const { status, body } = await search({ pageSize: 4, currentPage: 3 });
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
    expect(body.total_count).toBe(6);
  });

  it('returns every match without pageSize', async () => {
    const { body } = await search({});
    expect(body.items).toHaveLength(6);
    expect(body.search_criteria).toEqual({ filter_groups: [] });
  });

  it('echoes filters as sent, snake_case keys, no condition_type when none was sent', async () => {
    const { body } = await search(
      {},
      'searchCriteria[filterGroups][0][filters][0][field]=email&searchCriteria[filterGroups][0][filters][0][value]=anna.rossi@libero.it',
    );
    expect(ids(body)).toEqual([6]);
    expect(body.search_criteria.filter_groups).toEqual([
      { filters: [{ field: 'email', value: 'anna.rossi@libero.it' }] },
    ]);
  });

  it('needs searchCriteria and refuses unknown keys and non-numbers', async () => {
    const missing = await fetch(`${sim.url}/rest/V1/customers/search`, {
      headers: { authorization: `Bearer ${sim.token}` },
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      message: '"%fieldName" is required. Enter and try again.',
      parameters: { fieldName: 'searchCriteria' },
    });
    const unknown = await search({}, 'searchCriteria[limit]=5');
    expect(unknown).toMatchObject({ status: 400, body: { parameters: { fieldName: 'limit' } } });
    const notNumber = await search({}, 'searchCriteria[pageSize]=ten');
    expect(notNumber).toMatchObject({ status: 400, body: { parameters: { value: 'ten', type: 'int' } } });
  });
});

describe('options that change paging', () => {
  it('repeats the last page past the end when emulating Magento 2.3', async () => {
    const old = await startMagentoSimulator({ customers: 5, pastLastPage: 'last-page', brokenShare: 0 });
    try {
      const query = buildQueryString(
        searchCriteriaQuery({
          filterGroups: [],
          sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
          pageSize: 2,
          currentPage: 9,
        }),
      );
      const response = await fetch(`${old.url}/rest/V1/customers/search?${query}`, {
        headers: { authorization: `Bearer ${old.token}` },
      });
      const body = (await response.json()) as MagentoSearchResult<MagentoCustomer>;
      expect(body.items).toHaveLength(1);
      expect(body.items[0]?.id).toBe(old.store.list().at(-1)?.id);
      expect(body.search_criteria.current_page).toBe(9);
    } finally {
      await old.close();
    }
  });

  it('enforces Web API input limits: maximum and default page size', async () => {
    const limited = await startMagentoSimulator({
      customers: 30,
      maxPageSize: 10,
      defaultPageSize: 7,
      brokenShare: 0,
    });
    try {
      const get = async (query: string) => {
        const response = await fetch(`${limited.url}/rest/all/V1/customers/search?${query}`, {
          headers: { authorization: `Bearer ${limited.token}` },
        });
        return {
          status: response.status,
          body: (await response.json()) as MagentoSearchResult<MagentoCustomer>,
        };
      };
      expect(await get('searchCriteria[pageSize]=11')).toEqual({
        status: 400,
        body: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 10 } },
      });
      const defaulted = await get('searchCriteria[currentPage]=1');
      expect(defaulted.body.items).toHaveLength(7);
      expect(defaulted.body.search_criteria.page_size).toBe(7);
    } finally {
      await limited.close();
    }
  });
});
