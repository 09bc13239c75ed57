/**
 * One table of result parsers (text format) shared by the PGlite and node-postgres implementations, so the
 * same SQL gives the same JavaScript values on both. The mapping is documented in db.ts.
 */
export type TypeParser = (text: string) => unknown;

/** Object ids of the built-in types we parse (pg_type.oid; stable across PostgreSQL versions). */
export const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  numeric: 1700,
  jsonb: 3802,
} as const;

const asString: TypeParser = (text) => text;
const asNumber: TypeParser = (text) => Number(text);

/** Parsers by type oid. Types not listed come back as the string PostgreSQL printed. */
export const scalarParsers: Readonly<Record<number, TypeParser>> = {
  [OID.bool]: (text) => text === 't',
  [OID.bytea]: parseBytea,
  [OID.int8]: asString,
  [OID.int2]: asNumber,
  [OID.int4]: asNumber,
  [OID.text]: asString,
  [OID.oid]: asNumber,
  [OID.json]: (text) => JSON.parse(text),
  [OID.float4]: asNumber,
  [OID.float8]: asNumber,
  [OID.date]: asString,
  [OID.time]: asString,
  [OID.timestamp]: asString,
  [OID.timestamptz]: parseTimestamptz,
  [OID.interval]: asString,
  [OID.numeric]: asString,
  [OID.jsonb]: (text) => JSON.parse(text),
};

/**
 * Array type oid -> element type oid for the built-in types, used until the real list is read from pg_type
 * (node-postgres only; PGlite reads pg_type itself).
 */
export const builtinArrayElements: Readonly<Record<number, number>> = {
  1000: OID.bool,
  1001: OID.bytea,
  1005: OID.int2,
  1007: OID.int4,
  1009: OID.text,
  1014: 1042, // bpchar
  1015: 1043, // varchar
  1016: OID.int8,
  1021: OID.float4,
  1022: OID.float8,
  1028: OID.oid,
  1115: OID.timestamp,
  1182: OID.date,
  1183: OID.time,
  1185: OID.timestamptz,
  1187: OID.interval,
  1231: OID.numeric,
  199: OID.json,
  2951: 2950, // uuid
  3807: OID.jsonb,
};

/** The SQL that lists every array type with its element type (same set PGlite registers). */
export const ARRAY_TYPES_SQL =
  'SELECT typarray AS array_oid, oid AS element_oid FROM pg_type WHERE typarray <> 0';

export function parserFor(oid: number, arrayElements: ReadonlyMap<number, number>): TypeParser {
  const scalar = scalarParsers[oid];
  if (scalar) return scalar;
  const element = arrayElements.get(oid);
  if (element === undefined) return asString;
  const parseElement = scalarParsers[element] ?? asString;
  return (text) => parsePgArray(text, parseElement);
}

const TIMESTAMPTZ =
  /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?( BC)?$/;

/** Parses timestamptz output (DateStyle ISO): '2024-05-31 12:00:00.123456+00'. Sub-milliseconds are cut. */
export function parseTimestamptz(text: string): Date | number {
  if (text === 'infinity') return Number.POSITIVE_INFINITY;
  if (text === '-infinity') return Number.NEGATIVE_INFINITY;
  const m = TIMESTAMPTZ.exec(text);
  if (!m) return new Date(text);
  const bc = m[12] !== undefined;
  const year = bc ? 1 - Number(m[1]) : Number(m[1]);
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const local = new Date(0);
  local.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  local.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), millis);
  const offsetSeconds = Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0);
  const sign = m[8] === '-' ? -1 : 1;
  return new Date(local.getTime() - sign * offsetSeconds * 1000);
}

/** Parses bytea output in hex format ('\x0a0b'). */
export function parseBytea(text: string): Buffer {
  return Buffer.from(text.slice(2), 'hex');
}

/**
 * Parses a PostgreSQL array literal ('{a,"b c",NULL}', nested '{{1,2},{3,4}}', optional '[0:1]=' bounds)
 * into nested JS arrays, each element through parseElement.
 */
export function parsePgArray(text: string, parseElement: TypeParser): unknown[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0;

  const readQuoted = (): string => {
    i++; // opening quote
    let value = '';
    let start = i;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        value += text.slice(start, i);
        i++;
        start = i;
      }
      i++;
    }
    value += text.slice(start, i);
    i++; // closing quote
    return value;
  };

  const readList = (): unknown[] => {
    i++; // '{'
    const items: unknown[] = [];
    if (text[i] === '}') {
      i++;
      return items;
    }
    while (i < text.length) {
      if (text[i] === '{') {
        items.push(readList());
      } else if (text[i] === '"') {
        items.push(parseElement(readQuoted()));
      } else {
        const start = i;
        while (i < text.length && text[i] !== ',' && text[i] !== '}') i++;
        const raw = text.slice(start, i);
        items.push(raw === 'NULL' ? null : parseElement(raw));
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      i++; // '}'
      break;
    }
    return items;
  };

  return readList();
}

/**
 * Prepares a parameter the same way on both implementations: Dates become ISO instants (node-postgres would
 * send local time, which changes `::date` casts with the process time zone); arrays are prepared element-wise.
 */
export function prepareParam(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  if (Array.isArray(value)) return value.map(prepareParam);
  if (typeof value === 'bigint') return value.toString();
  return value;
}
