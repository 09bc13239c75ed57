/**
 * A partner's change history (docs/import-rules.md "Change history") and the record of a merge: what
 * `kontor partners show --history --json` and `kontor partners merges --json` give.
 */

/** Why a partner changed: an import run, or a user's decision (status, merge, a record linked to it). */
export type HistoryAction = 'import' | 'status' | 'merge' | 'link';

/** One changed field of one change: DESIGN.md 5 `history: [{ at, by, run?, field, from, to }]`. */
export interface HistoryEntry {
  at: string;
  /** The user who did it; for an import, the user of its batch job (null when it ran without one). */
  by: string | null;
  /** The import run that made the change (absent for what a user did). */
  run?: number;
  action: HistoryAction;
  field: string;
  from: unknown;
  to: unknown;
  /** The partner this entry was recorded for, when it is a partner merged into the one shown. */
  partner?: string;
}

/** One field's change as stored (the entry without who, when and why). */
export interface FieldChangeRecord {
  field: string;
  from: unknown;
  to: unknown;
}

/** A merge of two partners: `kontor partners merges --json`. */
export interface PartnerMerge {
  /** The partner kept (the survivor). */
  kept: string;
  /** The partner merged into it (kept as merged, `mergedInto` pointing to the survivor). */
  removed: string;
  at: string;
  by: string;
  /** What moved to the kept partner. */
  moved: { links: number; addresses: number; contacts: number };
}
