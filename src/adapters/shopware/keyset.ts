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

export class KeysetStream {
  private buffer: Entry[] = [];
  private exhausted = false;
  private position: StreamPosition;
  /** Size of the group at t when its first page was read (to notice members leaving it). */
  private groupTotal: number | null = null;

  constructor(
    private readonly options: KeysetOptions,
    start: StreamPosition = START,
  ) {
    this.position = start;
  }

  /** The position after the records taken so far. */
  get at(): StreamPosition {
    return this.position;
  }

  /** The next record, fetching a page when needed; null at the end. */
  async peek(): Promise<Keyed | null> {
    while (this.buffer.length === 0) {
      if (this.exhausted) return null;
      if (this.position.offset !== null || this.position.ids.length >= this.options.maxExcluded) {
        await this.fillFromGroup();
      } else {
        await this.fill();
      }
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

  private async fill(): Promise<void> {
    const { timeField, pageSize } = this.options;
    const { t, ids } = this.position;
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
      'total-count-mode': 0,
    });
    let at = this.position;
    for (const record of result.data.map((item) => this.keyed(item))) {
      if (at.t !== null && (record.time < at.t || (record.time === at.t && at.ids.includes(record.id)))) {
        throw this.stuck(record);
      }
      at = {
        t: record.time,
        ids: record.time === at.t ? [...at.ids, record.id] : [record.id],
        offset: null,
      };
      this.buffer.push({ record, after: at });
    }
    if (result.data.length < pageSize) this.exhausted = true;
  }

  /** Reads the next page of the group of records whose time is exactly t, in id order. */
  private async fillFromGroup(): Promise<void> {
    const { timeField, pageSize } = this.options;
    const { t, ids } = this.position;
    if (t === null) throw new BugError('SHOPWARE_KEYSET', 'A group read needs a time.');
    const offset = this.position.offset ?? 0;
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
      this.position = { t, ids, offset: 0 };
      return;
    }
    this.groupTotal = result.total;
    const records = result.data.map((item) => this.keyed(item)).slice(offset % pageSize);
    let consumed = offset;
    for (const record of records) {
      consumed += 1;
      if (ids.includes(record.id) || record.time !== t) continue;
      this.buffer.push({ record, after: { t, ids, offset: consumed } });
    }
    const done = result.data.length < pageSize || consumed >= result.total;
    const final: StreamPosition = done ? { t, ids: [], offset: null } : { t, ids, offset: consumed };
    const last = this.buffer.at(-1);
    if (last) last.after = final;
    else this.position = final;
    if (done) this.groupTotal = null;
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

  private stuck(record: Keyed): BugError {
    return new BugError(
      'SHOPWARE_PAGING_STUCK',
      `${this.options.host} does not honour the search filters: the search returned a record before the read position.`,
      { detail: `position ${JSON.stringify(this.position)}, record ${record.id} at ${record.time}` },
    );
  }
}
