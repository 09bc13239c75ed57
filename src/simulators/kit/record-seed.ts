/**
 * Seeds for records generated on demand: record `index` of a generated data set draws from a generator of its
 * own, seeded from the data set's seed, the index and a stream number (one stream per part of the record,
 * so that a part can be generated without the others). A 32-bit integer hash (murmur3's finaliser), so that
 * neighbouring indexes give unrelated sequences.
 */
export function recordSeed(seed: number, index: number, stream: number): number {
  let h = mix(seed ^ 0x9e3779b9);
  h = mix(h ^ index);
  h = mix(h ^ Math.floor(index / 2 ** 32));
  return mix(h ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
}

function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
