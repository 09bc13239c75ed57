/**
 * Keyset paging over Shopware's entity search, ordered by (time field, id) ascending, without offsets: a
 * record that changes while the read runs moves behind the read position instead of shifting every later
 * record one place forward (which makes offset paging skip records).
 *
 * The DAL compares ids only for equality (a range filter on an id compares the hex text with the binary
 * column), so "after (t, id)" is written as `time >= t AND NOT id IN (ids read at exactly t)`. When more
 * than `maxExcluded` records share one time (a bulk update, a migration that gave every customer the
 * same createdAt), the stream pages through that group instead: `time = t`, sorted by id, page by page,
 * with the exact total; if the group shrinks meanwhile (a member changed and left it), the group is read
 * again from its start, so nothing is skipped (records may then arrive twice). After the group it goes on
 * with `time > t`.
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { type DrivenPage, drivePages, type FetchedPage } from '../kit/paging.ts';
import { type Criteria, equals, equalsAny, type Filter, not, range, type SearchResult } from './criteria.ts';
import { shopwareDateToIso, toStorageDate } from './shopware-dates.ts';

/** Where a stream stands after the records consumed so far; part of the adapter's cursor. */
export interface StreamPosition {
  /** Time (ISO 8601 UTC) of the last record consumed; null = from the start. */
  t: string | null;
  /** Ids consumed whose time is exactly t; [] once a group was read through (then: strictly after t). */
  ids: string[];
  /** Reading the group of records at time t page by page: how many of it (in id order) are behind; else null. */
  offset: number | null;
}

export const START: StreamPosition = { t: null, ids: [], offset: null };

export interface KeysetOptions {
  /** "createdAt" or "updatedAt". */
  timeField: string;
  /** Filters every request has (selection, stream). */
  filters: Filter[];
  pageSize: number;
  /** Most ids one request excludes before the stream reads a group of equal times page by page. */
  maxExcluded: number;
  /** Associations and includes added to every request. */
  decorate?: (criteria: Criteria) => Criteria;
  search: (criteria: Criteria) => Promise<SearchResult<unknown>>;
  /** For messages: the shop's host. */
  host: string;
  signal?: AbortSignal;
}

interface Entry {
  record: Keyed;
  after: StreamPosition;
}

export interface Keyed {
  id: string;
  /** ISO 8601 UTC of the time field. */
  time: string;
  raw: unknown;
}

/**
 * One keyset stream, paged by the kit's paging driver (abort check, stuck check); `peek` and `take` hand
 * out its records one by one, so that two streams can be merged into pages of the adapter's page size.
 */
export class KeysetStream {
  private buffer: Entry[] = [];
  private exhausted = false;
  private position: StreamPosition;
  /** Size of the group at t when its first page was read (to notice members leaving it). */
  private groupTotal: number | null = null;
  /** The exact count of the stream's records after its start, asked once with its first request. */
  private firstTotal: number | null = null;
  private counted = false;
  private readonly pages: AsyncGenerator<DrivenPage<StreamPosition, Entry[]>>;

  constructor(
    private readonly options: KeysetOptions,
    start: StreamPosition = START,
  ) {
    this.position = start;
    this.pages = drivePages({
      start,
      signal: options.signal,
      fetch: (after) => this.fetchPage(after ?? START),
      advanced: streamAdvanced,
      describe: (previous, next) => `position ${JSON.stringify(previous)}, next ${JSON.stringify(next)}`,
      stuckCode: 'SHOPWARE_PAGING_STUCK',
      stuckMessage: `${options.host} does not honour the search filters: a page of ${options.timeField} did not move past the read position.`,
    });
  }

  /**
   * How many records the stream had after its start position when its first page was read (Shopware's
   * exact `total`, asked once: total-count-mode on every page would cost the shop a count each); null
   * before the first page or when the shop did not tell.
   */
  get total(): number | null {
    return this.firstTotal;
  }

  /** The position after the records taken so far. */
  get at(): StreamPosition {
    return this.position;
  }

  /** The next record, fetching a page when needed; null at the end. */
  async peek(): Promise<Keyed | null> {
    while (this.buffer.length === 0) {
      if (this.exhausted) return null;
      const page = await this.pages.next();
      if (page.done) this.exhausted = true;
      else if (page.value.items.length > 0) this.buffer.push(...page.value.items);
      // A page without records (its records were read already) only moves the position.
      else this.position = page.value.position;
    }
    return (this.buffer[0] as Entry).record;
  }

  /** Consumes the record `peek` returned. */
  take(): Keyed {
    const entry = this.buffer.shift();
    if (!entry) throw new BugError('SHOPWARE_KEYSET', 'take() without a record: call peek() first.');
    this.position = entry.after;
    return entry.record;
  }

  /** The records after `after` and the position after them; null at the end of the stream. */
  private fetchPage(after: StreamPosition): Promise<FetchedPage<StreamPosition, Entry[]> | null> {
    const group = after.offset !== null || after.ids.length >= this.options.maxExcluded;
    // Started inside a group (a resumed read): the stream's total is not asked (it would miss the group).
    if (group) this.counted = true;
    return group ? this.fetchGroup(after) : this.fetchAfter(after);
  }

  private async fetchAfter(after: StreamPosition): Promise<FetchedPage<StreamPosition, Entry[]> | null> {
    const { timeField, pageSize } = this.options;
    const { t, ids } = after;
    const filters = [...this.options.filters];
    if (t !== null && ids.length > 0) {
      filters.push(range(timeField, { gte: toStorageDate(new Date(t)) }), not(equalsAny('id', ids)));
    } else if (t !== null) {
      filters.push(range(timeField, { gt: toStorageDate(new Date(t)) }));
    }
    const result = await this.search({
      page: 1,
      limit: pageSize,
      filter: filters,
      sort: [
        { field: timeField, order: 'ASC' },
        { field: 'id', order: 'ASC' },
      ],
      'total-count-mode': this.counted ? 0 : 1,
    });
    if (!this.counted) {
      this.counted = true;
      this.firstTotal =
        Number.isInteger(result.total) && result.total >= result.data.length ? result.total : null;
    }
    if (result.data.length === 0) return null;
    let at = after;
    const entries: Entry[] = [];
    for (const record of result.data.map((item) => this.keyed(item))) {
      at = {
        t: record.time,
        ids: record.time === at.t ? [...at.ids, record.id] : [record.id],
        offset: null,
      };
      entries.push({ record, after: at });
    }
    return { items: entries, next: at, last: result.data.length < pageSize };
  }

  /**
   * The next page of the group of records whose time is exactly t, in id order. When members left the
   * group since its first page (positions moved), the group is read again from its start up to past
   * where it stood, so that nothing is skipped (records read before arrive again).
   */
  private async fetchGroup(after: StreamPosition): Promise<FetchedPage<StreamPosition, Entry[]>> {
    const { timeField, pageSize } = this.options;
    const { t, ids } = after;
    if (t === null) throw new BugError('SHOPWARE_KEYSET', 'A group read needs a time.');
    const stood = after.offset ?? 0;
    let offset = stood;
    const entries: Entry[] = [];
    for (;;) {
      const result = await this.search({
        page: Math.floor(offset / pageSize) + 1,
        limit: pageSize,
        filter: [...this.options.filters, equals(timeField, toStorageDate(new Date(t)))],
        sort: [{ field: 'id', order: 'ASC' }],
        'total-count-mode': 1,
      });
      if (this.groupTotal !== null && result.total < this.groupTotal && offset > 0) {
        // Members left the group while it was read: positions moved; read it again from its start.
        this.groupTotal = result.total;
        offset = 0;
        continue;
      }
      this.groupTotal = result.total;
      const records = result.data.map((item) => this.keyed(item)).slice(offset % pageSize);
      for (const record of records) {
        offset += 1;
        if (ids.includes(record.id) || record.time !== t) continue;
        entries.push({ record, after: { t, ids, offset } });
      }
      const done = result.data.length < pageSize || offset >= result.total;
      if (done) this.groupTotal = null;
      if (done || offset > stood) {
        const next: StreamPosition = done ? { t, ids: [], offset: null } : { t, ids, offset };
        const last = entries.at(-1);
        if (last) last.after = next;
        return { items: entries, next, last: false };
      }
    }
  }

  private async search(criteria: Criteria): Promise<SearchResult<unknown>> {
    return this.options.search(this.options.decorate ? this.options.decorate(criteria) : criteria);
  }

  private keyed(item: unknown): Keyed {
    const record = item as Record<string, unknown> | null;
    const id = record?.id;
    const time = shopwareDateToIso(record?.[this.options.timeField]);
    if (typeof id !== 'string' || time === null) {
      throw new BugError(
        'SHOPWARE_UNEXPECTED_RESPONSE',
        `${this.options.host} sent a record without id or ${this.options.timeField}.`,
        { detail: maskedExcerpt(item, []) },
      );
    }
    return { id, time, raw: item };
  }
}

/**
 * True when `next` lies after `previous` in a stream: a later time; at the same time more ids read (the
 * ids read before, then new ones), a later place in the group read page by page, or the group read through.
 */
export function streamAdvanced(previous: StreamPosition, next: StreamPosition): boolean {
  if (next.t === null) return false;
  if (previous.t === null || next.t > previous.t) return true;
  if (next.t < previous.t) return false;
  const [stage, place] = stageOf(next);
  const [previousStage, previousPlace] = stageOf(previous);
  if (stage !== previousStage) return stage > previousStage;
  if (stage !== 0) return place > previousPlace;
  return (
    next.ids.length > previous.ids.length &&
    previous.ids.every((id, index) => next.ids[index] === id) &&
    new Set(next.ids).size === next.ids.length
  );
}

/** Where a position stands among those of one time: 0 after some ids, 1 inside the group read, 2 past the group. */
function stageOf(position: StreamPosition): [number, number] {
  if (position.offset !== null) return [1, position.offset];
  return position.ids.length === 0 ? [2, 0] : [0, position.ids.length];
}
