/**
 * The generated shop as the store reads it, without keeping a customer object: customer i is made from
 * (seed, i) when it is read (seed.ts). Kept per customer: one byte (never changed or not) and, for the
 * order (createdAt, id) over all customers, its position and createdAt (typed arrays, 17 bytes a
 * customer). The order (change time, id) is index order (seed-skeleton.ts), so it needs nothing kept.
 */
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { customerAt } from './seed.ts';
import type { BrokenKind, ShopTimeline, Skeleton } from './seed-skeleton.ts';

const BLOCK = 1024;

export class BaseShop {
  readonly count: number;
  /** 1: never changed (updatedAt null). */
  private readonly fresh: Uint8Array;
  /** Never-changed customers before each block of BLOCK indexes. */
  private readonly freshBefore: Uint32Array;
  /** Indexes in (createdAt, id) order, their createdAt, and each index's position in that order. */
  readonly byCreated: Uint32Array;
  readonly createdSorted: Float64Array;
  private readonly createdPosition: Uint32Array;
  readonly broken = new Map<string, BrokenKind>();

  constructor(readonly timeline: ShopTimeline) {
    const count = timeline.count;
    this.count = count;
    this.fresh = new Uint8Array(count);
    const created = new Float64Array(count);
    const idHigh = new Uint32Array(count);
    for (let index = 0; index < count; index++) {
      const skeleton = timeline.skeleton(index);
      this.fresh[index] = skeleton.updatedAt === null ? 1 : 0;
      created[index] = skeleton.createdAt;
      idHigh[index] = Number.parseInt(skeleton.id.slice(0, 8), 16);
      if (skeleton.broken) this.broken.set(skeleton.id, skeleton.broken);
    }
    this.freshBefore = new Uint32Array(Math.ceil(count / BLOCK) + 1);
    for (let block = 0, sum = 0; block * BLOCK < count; block++) {
      this.freshBefore[block] = sum;
      for (let i = block * BLOCK; i < Math.min(count, (block + 1) * BLOCK); i++)
        sum += this.fresh[i] as number;
      this.freshBefore[block + 1] = sum;
    }
    this.byCreated = new Uint32Array(count);
    for (let index = 0; index < count; index++) this.byCreated[index] = index;
    this.byCreated.sort(
      (a, b) =>
        (created[a] as number) - (created[b] as number) ||
        (idHigh[a] as number) - (idHigh[b] as number) ||
        this.compareIds(a, b),
    );
    this.createdSorted = new Float64Array(count);
    this.createdPosition = new Uint32Array(count);
    for (let position = 0; position < count; position++) {
      const index = this.byCreated[position] as number;
      this.createdSorted[position] = created[index] as number;
      this.createdPosition[index] = position;
    }
  }

  skeleton(index: number): Skeleton {
    return this.timeline.skeleton(index);
  }

  customer(index: number): ShopwareCustomer {
    return customerAt(this.timeline, this.timeline.skeleton(index));
  }

  indexOf(id: string): number {
    return this.timeline.indexOf(id);
  }

  isFresh(index: number): boolean {
    return this.fresh[index] === 1;
  }

  /** Never-changed customers among the indexes [lo, hi). */
  freshCount(lo: number, hi: number): number {
    return this.freshUpTo(hi) - this.freshUpTo(lo);
  }

  /** The position of customer i in the order (createdAt, id). */
  positionByCreated(index: number): number {
    return this.createdPosition[index] as number;
  }

  /** The first position in (createdAt, id) order whose createdAt is at least (`strict`: more than) `time`. */
  firstCreatedAtOrAfter(time: number, strict: boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.createdSorted[mid] as number;
      if (strict ? t <= time : t < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private freshUpTo(end: number): number {
    const block = Math.floor(end / BLOCK);
    let sum = this.freshBefore[block] as number;
    for (let i = block * BLOCK; i < end; i++) sum += this.fresh[i] as number;
    return sum;
  }

  private compareIds(a: number, b: number): number {
    const x = this.timeline.skeleton(a).id;
    const y = this.timeline.skeleton(b).id;
    return x < y ? -1 : x > y ? 1 : 0;
  }
}
