import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';

const migrationsFolder = fileURLToPath(new URL('../../test/support/test-migrations/', import.meta.url));

/** The same SQL gives the same JS values on both backends (the table in db.ts). */
describeEachDb(
  'result and parameter types',
  (getDb) => {
    it('returns the documented JS type for each PostgreSQL type', async () => {
      const { rows } = await getDb().query(`SELECT
        1::int2 AS small, 2::int4 AS int, 3::int8 AS big, count(*) AS counted, 1.50::numeric AS num,
        2.5::float8 AS float, true AS yes, false AS no, 'x'::text AS text, 'y'::varchar AS varchar,
        NULL::text AS nothing, NULL::int4 AS no_int,
        '2024-01-02 03:04:05.678+02'::timestamptz AS ts, '2024-01-02'::date AS day,
        '2024-01-02 03:04:05'::timestamp AS local_ts, '1 day 2 hours'::interval AS span,
        '{"a":[1,2],"b":null}'::jsonb AS doc, '"str"'::json AS json_string, '\\x0102ff'::bytea AS bytes,
        '00000000-0000-0000-0000-000000000001'::uuid AS id, 'large'::item_kind AS kind,
        'infinity'::timestamptz AS forever`);
      expect(rows[0]).toEqual({
        small: 1,
        int: 2,
        big: '3',
        counted: '1',
        num: '1.50',
        float: 2.5,
        yes: true,
        no: false,
        text: 'x',
        varchar: 'y',
        nothing: null,
        no_int: null,
        ts: new Date('2024-01-02T01:04:05.678Z'),
        day: '2024-01-02',
        local_ts: '2024-01-02 03:04:05',
        span: '1 day 02:00:00',
        doc: { a: [1, 2], b: null },
        json_string: 'str',
        bytes: Buffer.from([1, 2, 255]),
        id: '00000000-0000-0000-0000-000000000001',
        kind: 'large',
        forever: Number.POSITIVE_INFINITY,
      });
      expect(rows[0]?.ts).toBeInstanceOf(Date);
      expect(rows[0]?.bytes).toBeInstanceOf(Buffer);
    });

    it('parses arrays, including tricky text elements and arrays of enums created by migrations', async () => {
      const { rows } = await getDb().query(`SELECT
        ARRAY['a', 'b c', '"q"', 'back\\slash', NULL, 'NULL', '', 'x,y', '{z}']::text[] AS texts,
        ARRAY[1, 2]::int8[] AS bigs, ARRAY[1, NULL]::int4[] AS ints, ARRAY[true, false] AS bools,
        ARRAY['2024-01-02T00:00:00Z'::timestamptz] AS stamps, ARRAY['{"x":1}'::jsonb] AS docs,
        '{{1,2},{3,4}}'::int4[] AS nested, '{}'::text[] AS empty, '[0:1]={7,8}'::int4[] AS bounded,
        ARRAY['small', 'large']::item_kind[] AS kinds, ARRAY['1.5']::numeric[] AS nums`);
      expect(rows[0]).toEqual({
        texts: ['a', 'b c', '"q"', 'back\\slash', null, 'NULL', '', 'x,y', '{z}'],
        bigs: ['1', '2'],
        ints: [1, null],
        bools: [true, false],
        stamps: [new Date('2024-01-02T00:00:00Z')],
        docs: [{ x: 1 }],
        nested: [
          [1, 2],
          [3, 4],
        ],
        empty: [],
        bounded: [7, 8],
        kinds: ['small', 'large'],
        nums: ['1.5'],
      });
    });

    it('takes JS values as parameters', async () => {
      const at = new Date('2024-05-01T23:30:00.123Z');
      const { rows } = await getDb().query(
        `SELECT $1::int4 AS int, $2::int8 AS big, $3::int8 AS big_from_bigint, $4::bool AS yes, $5::text AS nothing,
          $6::timestamptz AS at, $7::date AS day, $8::jsonb AS object, $9::jsonb AS from_string, $10::bytea AS bytes,
          $11::text AS undef, $12::timestamptz AS from_string_ts, $13::numeric AS num`,
        [
          42,
          '9007199254740993',
          9007199254740993n,
          true,
          null,
          at,
          at,
          { k: [1, 'x'], n: null },
          '[1,2]',
          Buffer.from([1, 2, 3]),
          undefined,
          '2024-05-01T10:00:00+02:00',
          '1.25',
        ],
      );
      expect(rows[0]).toEqual({
        int: 42,
        big: '9007199254740993',
        big_from_bigint: '9007199254740993',
        yes: true,
        nothing: null,
        at,
        day: '2024-05-01', // the UTC date of the instant, whatever the process time zone
        object: { k: [1, 'x'], n: null },
        from_string: [1, 2],
        bytes: Buffer.from([1, 2, 3]),
        undef: null,
        from_string_ts: new Date('2024-05-01T08:00:00Z'),
        num: '1.25',
      });
    });

    it('takes JS arrays for array parameters and unnest()', async () => {
      const db = getDb();
      const names = ['a', 'b', 'c'];
      const kinds = ['small', 'large', 'small'];
      const tags = ['x', 'y,z', '"q"'];
      const inserted = await db.query(
        `INSERT INTO item (name, kind, tags, created_at)
         SELECT n, k::item_kind, ARRAY[t], c FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS u(n, k, t, c)`,
        [
          names,
          kinds,
          tags,
          [new Date('2024-01-01T00:00:00Z'), '2024-01-02T00:00:00Z', new Date('2024-01-03T00:00:00Z')],
        ],
      );
      expect(inserted.rowCount).toBe(3);
      const { rows } = await db.query<{ name: string; tags: string[]; created_at: Date }>(
        'SELECT name, tags, created_at FROM item WHERE id = ANY($1::bigint[]) AND name <> ALL($2::text[]) ORDER BY name',
        [[1, '2', 3n, 99], ['c']],
      );
      expect(rows).toEqual([
        { name: 'a', tags: ['x'], created_at: new Date('2024-01-01T00:00:00Z') },
        { name: 'b', tags: ['y,z'], created_at: new Date('2024-01-02T00:00:00Z') },
      ]);
      const flags = await db.query('SELECT array_agg(f ORDER BY f) AS flags FROM unnest($1::bool[]) f', [
        [true, false, null],
      ]);
      expect(flags.rows[0]).toEqual({ flags: [false, true, null] });
      const empty = await db.query('SELECT count(*) AS n FROM unnest($1::text[])', [[]]);
      expect(empty.rows[0]).toEqual({ n: '0' });
    });

    it('reports rowCount like node-postgres on both', async () => {
      const db = getDb();
      expect((await db.query(`INSERT INTO item (name) VALUES ('a'), ('b'), ('c')`)).rowCount).toBe(3);
      expect((await db.query(`UPDATE item SET data = '{}' WHERE name <> 'a'`)).rowCount).toBe(2);
      expect((await db.query('SELECT * FROM item')).rowCount).toBe(3);
      expect((await db.query(`DELETE FROM item WHERE name = 'zzz'`)).rowCount).toBe(0);
      expect((await db.query('CREATE TEMP TABLE scratch (a int)')).rowCount).toBe(0);
    });

    it('refuses several statements in one query() but runs them with exec()', async () => {
      const db = getDb();
      await expect(db.query('SELECT 1; SELECT 2')).rejects.toThrow(/multiple commands/);
      await db.exec(`INSERT INTO item (name) VALUES ('a'); INSERT INTO item (name) VALUES ('b');`);
      expect((await db.query('SELECT count(*) AS n FROM item')).rows[0]).toEqual({ n: '2' });
    });

    it('raises SQL errors with their SQLSTATE and constraint', async () => {
      const db = getDb();
      await db.query(`INSERT INTO item (name) VALUES ('a')`);
      const error = await db.query(`INSERT INTO item (name) VALUES ('a')`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: '23505', constraint: 'item_name_key' });
      expect(error).not.toHaveProperty('params');
    });

    it('runs sessions in UTC with ISO dates', async () => {
      const { rows } = await getDb().query(
        `SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS style,
          ('2024-05-01T23:30:00Z'::timestamptz)::date AS day`,
      );
      expect(rows[0]).toEqual({ tz: 'UTC', style: 'ISO, MDY', day: '2024-05-01' });
    });
  },
  { migrationsFolder },
);
