import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { type PartnerSearch, searchPartners } from './partner-search-store.ts';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));

/**
 * Partner numbers are text, ordered as text: numbers of 5, 6 and 7 digits (the sequence passes 999999 at
 * 900,000 partners), leading zeros, letters and the longest number there can be interleave in that order.
 */
const NUMBERS = [
  ...range(99_985, 15),
  ...range(100_001, 40),
  ...range(999_990, 10),
  ...range(1_000_000, 15),
  ...['7', '42', '0042', 'A-1', 'A-10', 'A-2', 'b-1', 'Z', `P${'x'.repeat(39)}`],
];

type Search = Omit<PartnerSearch, 'limit' | 'offset' | 'after'>;

describeEachDb(
  'Partner search: keyset paging (after)',
  (getDb) => {
    beforeAll(async () => {
      const db = getDb();
      await db.query(
        `insert into sales_channel (name, adapter, channel_type, url)
         values ('shop-a', 'magento', 'b2c', 'https://a.example.com')`,
      );
      // Shuffled in: ids do not follow the numbers' order.
      await db.query(
        `insert into partner (number, partner_type, status, name)
         select n, case when i % 3 = 0 then 'B2B' else 'B2C' end,
           case when i % 4 = 0 then 'Blocked' else 'Released' end, 'Person ' || (i % 10)
         from unnest($1::text[]) with ordinality as t(n, i) order by md5(n)`,
        [NUMBERS],
      );
      await db.query(
        `insert into channel_link (channel_id, external_id, partner_id, imported_at, deleted_at, active, fingerprint)
         select 1, p.id::text, p.id, now(), case when p.id % 5 = 0 then now() end, p.id % 5 <> 0, 'f'
         from partner p where p.id % 2 = 0`,
      );
      await db.query(
        `update partner set merged_into = (select min(id) from partner), merged_at = now()
         where id % 7 = 0 and id > (select min(id) from partner)`,
      );
    });

    const byOffset = async (search: Search, limit: number) => {
      const numbers: string[] = [];
      for (let offset = 0; ; offset += limit) {
        const page = await searchPartners(getDb(), { ...search, limit, offset });
        numbers.push(...page.items.map((p) => p.number));
        if (page.items.length < limit) return numbers;
      }
    };

    /** Pages by `next` to the end, checking each page's total (the matches from there on) and next. */
    const byAfter = async (search: Search, limit: number, all: number) => {
      const numbers: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await searchPartners(getDb(), {
          ...search,
          limit,
          ...(after === undefined ? {} : { after }),
        });
        const items = page.items.map((p) => p.number);
        expect(page).toMatchObject({ total: all - numbers.length, totalExact: true });
        numbers.push(...items);
        expect(page.next).toBe(numbers.length < all ? items.at(-1) : null);
        if (page.next === null) return numbers;
        after = page.next;
      }
    };

    it.each([
      [{}],
      [{ type: 'B2B' }],
      [{ status: 'Blocked', type: 'B2C' }],
      [{ merged: 'include' }],
      [{ merged: 'only' }],
      [{ q: 'person 3' }],
      [{ q: '00' }],
      [{ q: '99', merged: 'include' }],
      [{ channel: 'shop-a', deleted: 'no' }],
      [{ channel: 'shop-a', deleted: 'yes', merged: 'include' }],
    ] as Array<[Search]>)('pages %j by after exactly as by offset', async (search) => {
      const all = await byOffset(search, 500);
      expect(all.length).toBeGreaterThan(0);
      for (const limit of [1, 7, 50]) {
        expect(await byOffset(search, limit)).toEqual(all);
        expect(await byAfter(search, limit, all.length)).toEqual(all);
      }
    });

    it('crosses numbers of different lengths in the order of the pages, whatever after names', async () => {
      const all = await byOffset({ merged: 'include' }, 500);
      expect([...all].sort()).toEqual([...NUMBERS].sort());
      // Any text positions the page: a number that is not stored, and the ones around the length changes.
      for (const after of ['100000', '99999', '999999', '1000000', '0', 'zzz', ' ']) {
        const { rows } = await getDb().query<{ number: string }>(
          'select number from partner where number > $1 order by number',
          [after],
        );
        const page = await searchPartners(getDb(), { after, merged: 'include', limit: 500 });
        expect(page.items.map((p) => p.number)).toEqual(rows.map((row) => row.number));
        expect(all.slice(all.length - rows.length)).toEqual(rows.map((row) => row.number));
        expect(page).toMatchObject({ total: rows.length, totalExact: true, next: null });
      }
    });

    it('gives next only when more partners match', async () => {
      const all = await byOffset({}, 500);
      const first = await searchPartners(getDb(), { limit: 2 });
      expect(first.next).toBe(all[1]);
      const exact = await searchPartners(getDb(), { limit: all.length });
      expect(exact.next).toBeNull();
      const last = await searchPartners(getDb(), { after: all.at(-2), limit: 1 });
      expect({ numbers: last.items.map((p) => p.number), next: last.next }).toEqual({
        numbers: [all.at(-1)],
        next: null,
      });
      expect(await searchPartners(getDb(), { after: all.at(-1) })).toEqual({
        total: 0,
        totalExact: true,
        items: [],
        next: null,
      });
    });

    it.each([
      [{ after: '' }, 'after'],
      [{ after: 'x'.repeat(41) }, 'after'],
      [{ after: 100001 as unknown as string }, 'after'],
      [{ after: '100001', offset: 0 }, 'offset'],
      [{ after: '100001', offset: 50 }, 'offset'],
    ] as Array<[PartnerSearch, string]>)('refuses %j naming the field', async (filter, field) => {
      const error = await searchPartners(getDb(), filter).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
    });
  },
  { per: 'suite' },
);
