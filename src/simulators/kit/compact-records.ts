/**
 * Compact copies of a simulator's generated records, for stores that hold a million of them:
 * - every object is rebuilt by JSON.parse, so V8 gives it exactly the fields it has, in place (a generator's
 *   object built field by field, or with a field deleted, carries spare slots or becomes a hash table);
 * - every string is flat (no concatenation trees) and equal strings are one string (first names, cities,
 *   streets, postcodes, the shop's constant ids and the ids that a customer repeats in its addresses).
 * The copy equals the record (JSON data only: no undefined fields, Dates, Maps or non-finite numbers;
 * the seeds' records are such) and shares nothing with it but strings, which cannot change.
 */

/** Replaces each record of `records` by its compact copy, in place; returns `records`. */
export function compactInPlace<T>(records: T[]): T[] {
  const pool = new Map<string, string>();
  for (let i = 0; i < records.length; i++) records[i] = compactCopy(records[i] as T, pool);
  return records;
}

/** A compact copy of one record; `pool`: the strings seen so far (shared by the records of one load). */
export function compactCopy<T>(record: T, pool: Map<string, string> = new Map()): T {
  return internStrings(JSON.parse(JSON.stringify(record)), pool) as T;
}

/** Far below a Map's limit (2^24 entries): beyond it, sharing starts afresh. */
const POOL_LIMIT = 8_000_000;

function internStrings(value: unknown, pool: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const known = pool.get(value);
    if (known !== undefined) return known;
    if (pool.size >= POOL_LIMIT) pool.clear();
    pool.set(value, value);
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = internStrings(value[i], pool);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = internStrings(record[key], pool);
  }
  return value;
}
