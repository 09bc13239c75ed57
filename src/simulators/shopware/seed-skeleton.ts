/**
 * The generated shop's skeleton: what the searches need to know of customer i (0-based) without making
 * the customer: its id, change time (updatedAt ?? createdAt), createdAt, whether it was ever changed, its
 * storefront, guest and business flags and whether it is broken. Each customer has a PRNG of its own
 * (seeded from the shop's seed and i), so customer i is the same whether it is made first or last.
 *
 * The change time is strictly increasing in i, except in two blocks of equal times, in which ids increase
 * with i: a migration from Shopware 5 (customers with createdAt = MIGRATION, never changed since) and a
 * bulk update (a plugin's migration touched customers in one statement: updatedAt = BULK_UPDATE). So the
 * order (change time, id) is index order, and the adapter's keyset filters are binary searches on i.
 * The id carries i (XOR-masked by its random bits), so a read by id is a look-up without a map.
 */
import { Prng } from '../sample-data/prng.ts';

/** A mass update (a plugin's migration touched every affected customer in one statement). */
export const BULK_UPDATE = Date.parse('2023-11-05T03:00:00.000Z');
/** The shop moved from Shopware 5: migrated customers got the migration's time as createdAt. */
export const MIGRATION = Date.parse('2019-03-01T00:00:00.000Z');
/** The shop's first customer registered then. */
export const SHOP_OPENED = Date.parse('2016-01-01T00:00:00.000Z');

export type BrokenKind = 'email' | 'country';

export interface Skeleton {
  index: number;
  id: string;
  /** ms since the epoch. */
  createdAt: number;
  /** null: never changed. */
  updatedAt: number | null;
  business: boolean;
  guest: boolean;
  /** The second storefront (Switzerland) instead of the main one. */
  secondStorefront: boolean;
  broken: BrokenKind | null;
}

interface Segment {
  /** First index. */
  start: number;
  count: number;
  /** Times lie strictly between these (a normal stretch), or are all `from` (a block). */
  from: number;
  to: number;
  block: 'migration' | 'bulk' | null;
}

/** Share of never-changed customers outside the blocks. */
const FRESH_SHARE = 0.45;

export function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The timeline of a shop of `count` customers: which indexes lie in which stretch of time. */
export class ShopTimeline {
  readonly segments: readonly Segment[];

  constructor(
    readonly count: number,
    readonly seed: number,
    readonly brokenShare: number,
    until: number,
  ) {
    const end = until - 86_400_000;
    const migrated = Math.round(count * 0.06);
    const bulk = Math.round(count * 0.04);
    const rest = count - migrated - bulk;
    const total = end - SHOP_OPENED;
    const first = Math.round((rest * (MIGRATION - SHOP_OPENED)) / total);
    const second = Math.round((rest * (BULK_UPDATE - MIGRATION)) / total);
    const counts = [first, migrated, second, bulk, rest - first - second];
    const shapes: Array<Omit<Segment, 'start' | 'count'>> = [
      { from: SHOP_OPENED, to: MIGRATION, block: null },
      { from: MIGRATION, to: MIGRATION, block: 'migration' },
      { from: MIGRATION, to: BULK_UPDATE, block: null },
      { from: BULK_UPDATE, to: BULK_UPDATE, block: 'bulk' },
      { from: BULK_UPDATE, to: end, block: null },
    ];
    let start = 0;
    this.segments = shapes.map((shape, n) => {
      const segment = { ...shape, start, count: counts[n] as number };
      start += segment.count;
      return segment;
    });
  }

  segmentOf(index: number): Segment {
    for (const segment of this.segments) if (index < segment.start + segment.count) return segment;
    return this.segments[this.segments.length - 1] as Segment;
  }

  /** updatedAt ?? createdAt of customer i: non-decreasing in i. */
  changeTime(index: number): number {
    const segment = this.segmentOf(index);
    if (segment.block) return segment.from;
    const step = (segment.to - segment.from - 1) / segment.count;
    const u = hash32(this.seed ^ 0x7a11, index) / 4294967296;
    return segment.from + 1 + Math.floor((index - segment.start) * step + u * Math.max(0, step - 1));
  }

  /** The first index whose change time is at least (`strict`: more than) `time`. */
  firstAtOrAfter(time: number, strict: boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.changeTime(mid);
      if (strict ? t <= time : t < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  skeleton(index: number): Skeleton {
    const segment = this.segmentOf(index);
    const rng = new Prng(hash32(this.seed, index));
    const time = this.changeTime(index);
    const fresh = segment.block === 'migration' || (segment.block === null && rng.chance(FRESH_SHARE));
    let createdAt = time;
    if (!fresh) {
      createdAt = rng.int(SHOP_OPENED, time - 1);
      if (createdAt < MIGRATION && MIGRATION < time && rng.chance(0.3)) createdAt = MIGRATION;
    }
    const business = rng.chance(0.25);
    const guest = !business && rng.chance(0.12);
    const secondStorefront = rng.chance(0.15);
    const broken =
      !guest && rng.chance(this.brokenShare) ? (rng.chance(0.5) ? 'email' : ('country' as const)) : null;
    const prefix =
      segment.block === null
        ? rng.int(0, 0xffffffff)
        : Math.floor(((index - segment.start + rng.next() * 0.5) * 4294967296) / segment.count);
    return {
      index,
      id: idOf(this.seed, index, prefix, rng),
      createdAt,
      updatedAt: fresh ? null : time,
      business,
      guest,
      secondStorefront,
      broken,
    };
  }

  /** The index of the generated customer with this id, or -1. */
  indexOf(id: string): number {
    if (!/^[0-9a-f]{32}$/.test(id)) return -1;
    const prefix = Number.parseInt(id.slice(0, 8), 16);
    const middle = Number.parseInt(id.slice(8, 20), 16);
    const [maskHigh, maskLow] = masks(this.seed, prefix, middle);
    if (Number.parseInt(id.slice(20, 24), 16) !== maskHigh) return -1;
    const index = (Number.parseInt(id.slice(24), 16) ^ maskLow) >>> 0;
    return index < this.count && this.skeleton(index).id === id ? index : -1;
  }
}

/** A version 4 UUID as Shopware writes ids (32 hex digits) whose last 48 bits carry the index. */
function idOf(seed: number, index: number, prefix: number, rng: Prng): string {
  const a = rng.int(0, 0xffff);
  const b = 0x4000 | rng.int(0, 0xfff);
  const c = 0x8000 | rng.int(0, 0x3fff);
  const middle = a * 2 ** 32 + b * 2 ** 16 + c;
  const [maskHigh, maskLow] = masks(seed, prefix, middle);
  return (
    hex(prefix, 8) + hex(a, 4) + hex(b, 4) + hex(c, 4) + hex(maskHigh, 4) + hex((index ^ maskLow) >>> 0, 8)
  );
}

function masks(seed: number, prefix: number, middle: number): [number, number] {
  const low = hash32(seed ^ prefix, Math.floor(middle / 2 ** 24) ^ (middle % 2 ** 24));
  return [hash32(low, seed) & 0xffff, low];
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}
