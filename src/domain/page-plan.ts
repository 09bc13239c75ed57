/**
 * What one page read from a channel does to every record (the plan that src/import/page-plan.ts makes and the
 * storage writes as a whole): partners to create and update, occasional customers to link, counts and log.
 */
import type { ChannelCustomer } from './channel-customer.ts';
import type { RunCounts, RunLogLine } from './import-run.ts';
import type { MatchRule } from './match-rules.ts';
import type { KeptRecord } from './open-record.ts';
import type { PartnerStatus, PartnerType } from './partner.ts';

export interface ExistingLink {
  externalId: string;
  partnerId: number;
  fingerprint: string;
  /** Warning codes confirmed for this record before: they do not hold it back again. */
  confirmedWarnings: string[];
  /** False after the account was deleted in the channel; reading it again links it actively again. */
  active: boolean;
}

/** A partner that has an e-mail address some record of the page has. */
export interface EmailOwner {
  partnerId: number;
  number: string;
  /** The partner is linked to the channel being imported. */
  inChannel: boolean;
}

/** A partner whose normalised key equals a key of some record of the page (one row per rule and key). */
export interface MatchCandidate {
  rule: MatchRule;
  key: string;
  partnerId: number;
  number: string;
  type: PartnerType;
  /** The partner is linked to the channel being imported (then it is no candidate: another customer has it). */
  inChannel: boolean;
}

/** A user's decision on a record awaiting review (records link, records create-new). */
export type MatchDecision = { kind: 'link'; partnerId: number; number: string } | { kind: 'new' };

interface Planned {
  customer: ChannelCustomer;
  fingerprint: string;
  /** Warning codes confirmed by this import ("Confirm all warnings"). */
  confirmedWarnings: string[];
}

export interface PlannedCreate extends Planned {
  type: PartnerType;
  status: PartnerStatus;
}

export interface PlannedUpdate extends Planned {
  partnerId: number;
  /** A customer without a link that was matched (or linked by a user) to this existing partner. */
  matched?: { by: MatchRule | 'user'; number: string };
}

/** An occasional customer linked to a partner without changing the partner's data. */
export interface PlannedLink extends Planned {
  /** An existing partner, or the partner this page creates at `creates[createIndex]`. */
  target: { partnerId: number } | { createIndex: number };
}

export interface PagePlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  links: PlannedLink[];
  counts: RunCounts;
  log: RunLogLine[];
  /**
   * Change times of records not imported that cannot be kept as open records (a rejection without an external
   * id): the watermark must not pass the oldest. Records kept open do not hold it.
   */
  heldBack: string[];
  /** Records not imported (errors, awaiting confirmation), kept per channel as open records. */
  kept: KeptRecord[];
  /** External ids this page imported (created, updated, unchanged, linked, skipped): their open records close. */
  imported: string[];
  /** Change times of every record read, for the watermark. */
  seen: string[];
  /**
   * A record without an external id was refused without a readable change time: the shop sorts it somewhere
   * before the page's dated records (Magento's zero date first of all), so the watermark must not pass the point
   * before this page.
   */
  undated: boolean;
}
