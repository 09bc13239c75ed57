/**
 * An index from text (e.g. a folded e-mail) to a record index in typed arrays, for generated data sets too
 * large for a Map of strings: it keeps only a 32-bit hash of each text and the record's index (8 bytes a slot,
 * twice as many slots as records, open addressing). Two texts with the same hash cannot both be added: the
 * generator treats the second as taken (as if it existed) and picks another. A look-up gives the one
 * candidate record with the text's hash; the caller compares the record's text itself.
 */
export class TextHashIndex {
  private readonly hashes: Uint32Array;
  /** Record index + 1; 0 = an empty slot. */
  private readonly records: Uint32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.hashes = new Uint32Array(slots);
    this.records = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  /** Whether a text with the same hash was added. */
  has(text: string): boolean {
    return this.find(textHash(text)) >= 0;
  }

  /** Adds `text` for `record`; false (and nothing added) when a text with the same hash is there. */
  add(text: string, record: number): boolean {
    const hash = textHash(text);
    let slot = hash & this.mask;
    while (this.records[slot] !== 0) {
      if (this.hashes[slot] === hash) return false;
      slot = (slot + 1) & this.mask;
    }
    this.hashes[slot] = hash;
    this.records[slot] = record + 1;
    return true;
  }

  /** The record added under a text with the hash of `text`, or -1. */
  get(text: string): number {
    const slot = this.find(textHash(text));
    return slot < 0 ? -1 : (this.records[slot] as number) - 1;
  }

  private find(hash: number): number {
    let slot = hash & this.mask;
    while (this.records[slot] !== 0) {
      if (this.hashes[slot] === hash) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

/** FNV-1a over the UTF-16 code units, 32 bits. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
