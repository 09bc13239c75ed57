/**
 * Open records (docs/import-rules.md "Open records"): a record that a run did not import (an error, or
 * warnings awaiting confirmation) is kept per channel until it is imported, confirmed or ignored.
 */
import type { ChannelCustomer } from './channel-customer.ts';

export const OPEN_RECORD_STATES = ['open', 'imported', 'confirmed', 'ignored'] as const;
export type OpenRecordState = (typeof OPEN_RECORD_STATES)[number];

export const OPEN_RECORD_LEVELS = ['error', 'warning'] as const;
export type OpenRecordLevel = (typeof OPEN_RECORD_LEVELS)[number];

/** What a user can do with kept records. */
export const OPEN_RECORD_ACTIONS = ['confirm', 'ignore', 'retry'] as const;
export type OpenRecordAction = (typeof OPEN_RECORD_ACTIONS)[number];

/** Every action that runs as an import run: the three above and the review of matches. */
export type RecordRunAction = OpenRecordAction | 'link' | 'create-new';

/** Most ids one action takes (the CLI and the API refuse more). */
export const MAX_ACTION_IDS = 1_000;

/** The data kept with a record: the mapped customer, the shop's raw record where mapping failed, or none. */
export type KeptData =
  | { kind: 'mapped'; customer: ChannelCustomer }
  | { kind: 'raw'; raw: unknown }
  | { kind: 'none' };

/** A record a page did not import, as the page plan keeps it. */
export interface KeptRecord {
  externalId: string;
  email: string | null;
  level: OpenRecordLevel;
  codes: string[];
  message: string;
  data: KeptData;
  /** Its change time in the channel (ISO), null when unreadable. */
  changedAt: string | null;
  /** MATCH_AMBIGUOUS: the partner numbers it could be linked to. */
  candidates?: string[];
}

/** A kept record as the CLI and the API list it. */
export interface OpenRecord {
  channel: string;
  externalId: string;
  email: string | null;
  level: OpenRecordLevel;
  codes: string[];
  message: string;
  state: OpenRecordState;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The run that last saw the record or resolved it. */
  runId: number | null;
  /** Who confirmed or ignored it (null: resolved by an import, or still open). */
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** MATCH_AMBIGUOUS: the partner numbers it could be linked to (records link), else []. */
  candidates: string[];
}

export interface OpenRecordFilter {
  channel?: string;
  state?: OpenRecordState;
  code?: string;
  limit?: number;
  offset?: number;
}

/** The answer of an action on records: which were handled and which not, and why. */
export interface RecordActionResult {
  handled: string[];
  failed: Array<{ externalId: string; message: string }>;
  /** The import run the action ran as (null when nothing ran, e.g. every id was refused up front). */
  runId: number | null;
}
