import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { COUNT_AHEAD, type PartnerSearch, searchPartners } from './partner-search-store.ts';

const PARTNERS = 1_500;

describeEachDb(
  'Partner search totals and matches at scale',
  (getDb) => {
    beforeAll(async () => {
      const db = getDb();
      await db.query(
        `insert into sales_channel (name, adapter, channel_type, url)
         values ('shop-a', 'magento', 'b2c', 'https://a.example.com')`,
      );
      await db.query(
        `insert into partner (number, partner_type, status, name, email, company, tax_id)
         select (200000 + i)::text, case when i % 3 = 0 then 'B2B' else 'B2C' end,
           case when i % 4 = 0 then 'Blocked' else 'Released' end,
           (array['Jürgen', 'Anna', 'Łukasz', 'O''Brien', 'Zoë_x'])[1 + i % 5] || ' ' || i,
           case when i % 7 <> 0 then 'user' || i || '@Example.COM' end,
           case when i % 3 = 0 then 'Firma ' || (i % 11) || '% GmbH' end,
           case when i % 3 = 0 then 'DE' || (100000000 + i) end
         from generate_series(1, $1::int) i`,
        [PARTNERS],
      );
      await db.query(
        `insert into partner_address (partner_id, position, city, country)
         select id, 0, (array['Berlin', 'München', 'Köln'])[1 + id % 3] || ' ' || (id % 13), 'DE' from partner`,
      );
      await db.query(
        `insert into channel_link (channel_id, external_id, partner_id, imported_at, deleted_at, active, fingerprint)
         select 1, p.id::text, p.id, now(), case when p.id % 10 = 0 then now() end, p.id % 10 <> 0, 'f'
         from partner p where p.id % 2 = 0`,
      );
      // Every 50th partner merged into the next one.
      await db.query(
        `update partner p set merged_into = p.id + 1, merged_at = now() where p.id % 50 = 0 and p.id < $1`,
        [PARTNERS],
      );
    });

    it('counts up to COUNT_AHEAD past the page, then says more than', async () => {
      const db = getDb();
      const all = PARTNERS - Math.floor((PARTNERS - 1) / 50);
      expect(await searchPartners(db, {})).toMatchObject({ total: 50 + COUNT_AHEAD, totalExact: false });
      const far = await searchPartners(db, { offset: all - 60, limit: 50 });
      expect({ total: far.total, exact: far.totalExact, items: far.items.length }).toEqual({
        total: all,
        exact: true,
        items: 50,
      });
      expect(await searchPartners(db, { offset: all + 10 })).toEqual({
        total: all,
        totalExact: true,
        items: [],
        next: null,
      });
      expect(await searchPartners(db, { offset: 100, limit: 500 })).toMatchObject({
        total: all,
        totalExact: true,
      });
      const few = await searchPartners(db, { q: 'münchen 1', type: 'B2B' });
      expect(few.totalExact).toBe(true);
      expect(few.total).toBe(few.items.length);
    });

    it('with after, counts from there on: up to COUNT_AHEAD past the page, then more than', async () => {
      const all = PARTNERS - Math.floor((PARTNERS - 1) / 50);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await searchPartners(getDb(), { limit: 100, ...(after === undefined ? {} : { after }) });
        const left = all - seen.length;
        expect({ total: page.total, exact: page.totalExact }).toEqual(
          left > 100 + COUNT_AHEAD
            ? { total: 100 + COUNT_AHEAD, exact: false }
            : { total: left, exact: true },
        );
        seen.push(...page.items.map((p) => p.number));
        after = page.next ?? undefined;
      } while (after !== undefined);
      expect(seen).toHaveLength(all);
      expect(seen).toEqual(
        (await searchPartners(getDb(), { limit: 500, offset: 0 })).items
          .map((p) => p.number)
          .concat(
            (await searchPartners(getDb(), { limit: 500, offset: 500 })).items.map((p) => p.number),
            (await searchPartners(getDb(), { limit: 500, offset: 1000 })).items.map((p) => p.number),
          ),
      );
    });

    // The reference: the substring test of the search before trigram indexes (strpos on the lower-cased columns).
    const reference = async (q: string, merged: PartnerSearch['merged']) => {
      const { rows } = await getDb().query<{ number: string }>(
        `select p.number from partner p
         where (strpos(p.search_text, $1) > 0
             or p.id in (select a.partner_id from partner_address a where strpos(a.city_search, $1) > 0))
           and (case $2::text when 'include' then true when 'only' then p.merged_into is not null
             else p.merged_into is null end)
         order by p.number`,
        [q.trim().toLowerCase(), merged ?? null],
      );
      return rows.map((row) => row.number);
    };

    it.each([
      'münchen 1',
      'MÜNCHEN 12',
      'köln',
      'ö',
      'zoë_x',
      'ë_',
      '_x 1',
      '% gmbh',
      '0% g',
      "o'brien 1",
      'łukasz 14',
      '@example.com',
      'user1234@',
      'de10000012',
      '2001',
      '20',
      'firma 3',
      ' jürgen 1 ',
      'nope',
    ])('finds what the substring test finds, in number order: %j', async (q) => {
      for (const merged of [undefined, 'include', 'only'] as const) {
        const expected = await reference(q, merged);
        const page = await searchPartners(getDb(), { q, merged, limit: 500 });
        expect(page.items.map((partner) => partner.number)).toEqual(expected.slice(0, 500));
        expect(page.total).toBe(expected.length);
        const listed: string[] = [];
        for (let offset = 0; offset < expected.length; offset += 500)
          listed.push(
            ...(await searchPartners(getDb(), { q, merged, limit: 500, offset })).items.map((p) => p.number),
          );
        expect(listed).toEqual(expected);
        const keyset: string[] = [];
        for (let after: string | null | undefined; after !== null; ) {
          const page = await searchPartners(getDb(), { q, merged, limit: 500, ...(after ? { after } : {}) });
          keyset.push(...page.items.map((p) => p.number));
          after = page.next;
        }
        expect(keyset).toEqual(expected);
      }
    });
  },
  { per: 'suite' },
);
