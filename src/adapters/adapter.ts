/**
 * The adapter contract. An adapter kind (e.g. magento) talks to one kind of sales channel system and
 * serves every configured channel of that kind. It never touches Kontor's database: it reads the shop
 * and returns neutral ChannelCustomer records. The engine and the UI read its capabilities as data and
 * never branch on the adapter kind.
 */
import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';

export type DeletionDetection = 'none' | 'tombstones' | 'id-scan';

export interface AdapterCapabilities {
  /** Can select customers changed since a timestamp (else every run reads all customers). */
  changedSince: boolean;
  /** Can select customers by their registration e-mail (spec: Magento and OXID). */
  byEmail: boolean;
  /** How customers deleted in the channel are detected. */
  deletions: DeletionDetection;
  /** Which channel types the adapter can serve (B2B-only adapters refuse B2C channels). */
  channelTypes: ReadonlyArray<'b2c' | 'b2b' | 'b2b-b2c'>;
  /** Delivers occasional (guest) customers. */
  guests: boolean;
  /** New partners from this adapter are always Blocked (OXID). */
  alwaysBlocked: boolean;
  /** Customers per page the adapter requests. */
  pageSize: number;
  /** Requests per second the channel allows (the adapter throttles itself), if limited. */
  requestsPerSecond: number | null;
  /**
   * Can read customers by their external ids (`readByIds`): open records are read again by id in every Last
   * transfer and by Retry. Without it they stay open until a read returns them (docs/adapters.md).
   */
  byId: boolean;
}

export interface SettingField {
  key: string;
  label: string;
  type: 'string' | 'secret' | 'number' | 'boolean';
  required: boolean;
  description: string;
  default?: string;
}

/** Where and how to reach one channel: its base URL and its adapter settings (secrets included). */
export interface ChannelConnection {
  url: string;
  settings: Readonly<Record<string, string>>;
}

export interface ReadRequest {
  /** Only customers changed at or after this instant (inclusive); null = all. */
  since: Date | null;
  /** Only these registration e-mails (adapters with byEmail). */
  emails: string[] | null;
  /** Resume after this cursor (from a previous page), null = from the beginning. */
  cursor: string | null;
  signal?: AbortSignal;
}

/** A customer account deleted in the channel, as its tombstone says (adapters with `deletions: 'tombstones'`). */
export interface DeletedCustomer {
  externalId: string;
  /** When the account was deleted (ISO 8601, UTC). */
  deletedAt: string;
}

export interface CustomerPage {
  customers: ChannelCustomer[];
  rejected: RejectedRecord[];
  /**
   * Tombstones of accounts deleted in the selected period, in the same change-time order as customers
   * (a deletion is a change at its deletion time). Always [] for adapters without tombstones.
   */
  deleted: DeletedCustomer[];
  /**
   * Resume point after this page: reading again with it continues with the next page. Pages are
   * delivered in ascending order of change time, so a page's records are never older than the previous
   * page's (that keeps the watermark consistent when a run stops between pages).
   */
  cursor: string | null;
}

export interface CheckResult {
  ok: boolean;
  /** What was checked, for the user: "Connected to ... as ...; 1,234 customers". */
  message: string;
  customerCount: number | null;
}

export interface Adapter {
  readonly kind: string;
  readonly label: string;
  readonly capabilities: AdapterCapabilities;
  readonly settings: readonly SettingField[];
  /**
   * Checks settings beyond the schema (ranges, formats) when a channel is saved; throws a ConfigError
   * naming the setting. The schema checks (unknown keys, required, types) have passed before.
   */
  validateSettings(settings: Readonly<Record<string, string>>): void;
  /** Test connection: reach the channel with the settings; throws a KontorError on failure. */
  check(connection: ChannelConnection, signal?: AbortSignal): Promise<CheckResult>;
  /** Reads customers page by page. Throws KontorErrors (auth, transient, config) for failures of the whole read. */
  readCustomers(connection: ChannelConnection, request: ReadRequest): AsyncIterable<CustomerPage>;
  /**
   * Adapters with `deletions: 'id-scan'`: the external ids of every customer that exists in the channel
   * now, in batches. A linked customer whose id is missing was deleted (detected at the time of the scan).
   */
  listIds?(connection: ChannelConnection, signal?: AbortSignal): AsyncIterable<string[]>;
  /**
   * Adapters with `byId`: the customers of these external ids as the channel has them now, in pages (mapped
   * and rejected as `readCustomers` does, in any order; ids the channel does not have are left out).
   */
  readByIds?(
    connection: ChannelConnection,
    externalIds: readonly string[],
    signal?: AbortSignal,
  ): AsyncIterable<CustomerPage>;
}
