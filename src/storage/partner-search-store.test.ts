import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { getPartner, listPartners } from './partner-read-store.ts';
import { type PartnerSearch, searchPartners } from './partner-search-store.ts';

/** number, type, status, name, email, company, tax id, cities, links ([channel, active]) */
type Row = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string[],
  Array<[string, boolean]>,
];
const PARTNERS: Row[] = [
  ['100001', 'B2C', 'Released', 'Anna Berg', 'anna@example.com', null, null, ['Berlin'], [['shop-a', true]]],
  [
    '100002',
    'B2B',
    'Blocked',
    'Nordwind GmbH',
    'info@nordwind.de',
    'Nordwind GmbH',
    'DE123456789',
    ['Hamburg'],
    [
      ['shop-a', false],
      ['shop-b', true],
    ],
  ],
  ['100003', 'B2C', 'Released', 'Jan Kowalski', null, null, null, ['Wrocław'], [['shop-b', false]]],
  ['100004', 'B2B', 'Released', 'Müller AG', null, 'Müller AG', 'ATU12345678', ['München'], []],
  ['100005', 'B2C', 'Blocked', 'Zoe', 'ZOE@Example.org', null, null, ['Köln', 'Berlin'], [['shop-a', true]]],
  // Merged into 100004 (left out unless merged=include|only); LIKE's characters and a backslash in its fields.
  ['100006', 'B2B', 'Released', 'Müller_AG 50%', 'a\\b_c@müller.de', null, 'ATU87654321', ['Graz'], []],
];

describeEachDb(
  'Partner search',
  (getDb) => {
    beforeAll(async () => {
      const db = getDb();
      await db.query(
        `insert into sales_channel (name, adapter, channel_type, url)
         values ('shop-a', 'magento', 'b2c', 'https://a.example.com'), ('shop-b', 'magento', 'b2c', 'https://b.example.com')`,
      );
      for (const [number, type, status, name, email, company, taxId, cities, links] of PARTNERS) {
        const inserted = await db.query<{ id: unknown }>(
          `insert into partner (number, partner_type, status, name, email, company, tax_id)
           values ($1, $2, $3, $4, $5, $6, $7) returning id`,
          [number, type, status, name, email, company, taxId],
        );
        const id = inserted.rows[0]!.id;
        await db.query(
          `insert into partner_address (partner_id, position, city, country)
           select $1, c.position - 1, c.city, 'DE' from unnest($2::text[]) with ordinality as c(city, position)`,
          [id, cities],
        );
        for (const [channel, active] of links) {
          await db.query(
            `insert into channel_link (channel_id, external_id, partner_id, imported_at, deleted_at, active, fingerprint)
             select c.id, $2, $1, now(), case when $3 then null else now() end, $3, 'f'
             from sales_channel c where c.name = $4`,
            [id, `${channel}-${number}`, active, channel],
          );
        }
      }
      await db.query(
        `update partner set merged_into = (select id from partner where number = '100004'), merged_at = now()
         where number = '100006'`,
      );
    });

    const numbers = async (filter: PartnerSearch) => {
      const result = await searchPartners(getDb(), filter);
      expect(result.total).toBe(result.items.length);
      return result.items.map((partner) => partner.number);
    };

    it.each([
      [{}, ['100001', '100002', '100003', '100004', '100005']],
      [{ q: 'berlin' }, ['100001', '100005']],
      [{ q: ' BERG ' }, ['100001']],
      [{ q: 'de1234' }, ['100002']],
      [{ q: 'nordwind.de' }, ['100002']],
      [{ q: '00003' }, ['100003']],
      [{ q: 'zoe@example' }, ['100005']],
      [{ q: 'müller' }, ['100004']],
      [{ q: 'köln' }, ['100005']],
      [{ q: 'wrocław' }, ['100003']],
      [{ q: '%' }, []],
      [{ q: 'gmbhinfo' }, []],
      [{ channel: 'shop-a' }, ['100001', '100002', '100005']],
      [{ channel: 'nope' }, []],
      [{ type: 'B2B' }, ['100002', '100004']],
      [{ status: 'Blocked' }, ['100002', '100005']],
      [{ deleted: 'yes' }, ['100002', '100003']],
      [{ deleted: 'no' }, ['100001', '100004', '100005']],
      [{ channel: 'shop-a', deleted: 'yes' }, ['100002']],
      [{ channel: 'shop-b', deleted: 'yes' }, ['100003']],
      [{ channel: 'shop-b', deleted: 'no' }, ['100002']],
      [{ q: 'berlin', status: 'Blocked', type: 'B2C', channel: 'shop-a', deleted: 'no' }, ['100005']],
      // Case and accents: the text is lower-cased on both sides, accents stay (ü is not u).
      [{ q: 'MÜNCHEN' }, ['100004']],
      [{ q: 'Muller' }, []],
      [{ q: 'ü' }, ['100004']],
      [{ q: 'ł' }, ['100003']],
      [{ q: 'nchen' }, ['100004']],
      // E-mail fragments, tax ids, partner numbers (whole and in part).
      [{ q: '@example.' }, ['100001', '100005']],
      [{ q: 'example.org' }, ['100005']],
      [{ q: 'atu1234' }, ['100004']],
      [{ q: 'de123456789' }, ['100002']],
      [{ q: '100004' }, ['100004']],
      [{ q: '10000' }, ['100001', '100002', '100003', '100004', '100005']],
      [{ q: '04' }, ['100004']],
      // No match across two fields (kept apart by chr(31)).
      [{ q: 'nordwind gmbhinfo' }, []],
      // Merged partners, and LIKE's characters taken as text.
      [{ q: 'müller', merged: 'include' }, ['100004', '100006']],
      [{ q: 'müller', merged: 'only' }, ['100006']],
      [{ q: 'atu8765' }, []],
      [{ q: 'atu8765', merged: 'include' }, ['100006']],
      [{ q: '%', merged: 'include' }, ['100006']],
      [{ q: '50%', merged: 'include' }, ['100006']],
      [{ q: '_', merged: 'include' }, ['100006']],
      [{ q: 'r_ag', merged: 'include' }, ['100006']],
      [{ q: 'rxag', merged: 'include' }, []],
      [{ q: 'a\\b_c', merged: 'include' }, ['100006']],
      [{ q: '\\', merged: 'include' }, ['100006']],
      [{ q: 'ab_c', merged: 'include' }, []],
      [{ q: 'graz', merged: 'include', type: 'B2B', status: 'Released' }, ['100006']],
      [{ merged: 'only' }, ['100006']],
      [{ type: 'B2B', merged: 'include' }, ['100002', '100004', '100006']],
    ] as Array<[PartnerSearch, string[]]>)('finds %j', async (filter, expected) => {
      expect(await numbers(filter)).toEqual(expected);
    });

    it('pages in number order with the total of all matches', async () => {
      const page = (limit: number, offset: number) => searchPartners(getDb(), { limit, offset });
      const first = await page(2, 0);
      expect(first.total).toBe(5);
      expect(first.items.map((p) => p.number)).toEqual(['100001', '100002']);
      expect((await page(2, 4)).items.map((p) => p.number)).toEqual(['100005']);
      expect(await page(2, 10)).toEqual({ total: 5, totalExact: true, items: [], next: null });
      const filtered = await searchPartners(getDb(), { q: 'berlin', limit: 1, offset: 1 });
      expect({ total: filtered.total, numbers: filtered.items.map((p) => p.number) }).toEqual({
        total: 2,
        numbers: ['100005'],
      });
    });

    it('returns the partner JSON of the contract, as partners list and getPartner do', async () => {
      const all = await listPartners(getDb());
      const found = await searchPartners(getDb(), { q: 'nordwind' });
      const partner = await getPartner(getDb(), '100002');
      expect(found.items).toEqual([partner]);
      expect(partner).toEqual(all[1]);
      expect(partner).toMatchObject({
        company: 'Nordwind GmbH',
        addresses: [expect.objectContaining({ city: 'Hamburg' })],
        links: [
          expect.objectContaining({ channel: 'shop-a', active: false, deletedAt: expect.any(String) }),
          expect.objectContaining({ channel: 'shop-b', active: true, deletedAt: null }),
        ],
      });
      expect(Object.keys(partner!)).not.toContain('search_text');
      expect(await getPartner(getDb(), '999999')).toBeNull();
    });

    it.each([
      [{ limit: 0 }, 'limit'],
      [{ limit: 501 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ type: 'b2b' }, 'type'],
      [{ status: 'Open' }, 'status'],
      [{ deleted: 'maybe' }, 'deleted'],
    ] as Array<[PartnerSearch, string]>)('refuses %j naming the field', async (filter, field) => {
      const error = await searchPartners(getDb(), filter).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
    });
  },
  { per: 'suite' },
);
