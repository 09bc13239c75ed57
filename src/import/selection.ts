/**
 * Turns the Partner selection section (Changed since, Timestamp, By email, Emails) into what the adapter
 * is asked for, and checks it against the adapter's capabilities.
 */
import type { AdapterCapabilities } from '../adapters/adapter.ts';
import { InvalidInputError } from '../domain/errors.ts';
import type { ChangedSinceMode } from '../domain/import-run.ts';
import { lastTransferSince } from './watermark.ts';

/** The Changed since choices, in the order the dialog and the CLI list them. */
export const CHANGED_SINCE = ['anytime', 'last-transfer', 'manual'] as const;
export type ChangedSince = (typeof CHANGED_SINCE)[number];

export interface SelectionInput {
  changedSince: ChangedSince;
  /** Manual only; default: now. */
  timestamp: Date | null;
  /** Non-empty = By email selection. */
  emails: string[] | null;
}

export interface Selection {
  mode: ChangedSinceMode;
  since: Date | null;
  emails: string[] | null;
}

/** Anytime and Last transfer runs move the channel's watermark; Manual and By email runs do not. */
export function movesWatermark(mode: ChangedSinceMode): boolean {
  return mode === 'anytime' || mode === 'last-transfer';
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** Whether a value is one e-mail address (the check the dialog makes too). */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** Splits, trims, validates and de-duplicates a list of e-mail addresses (case-insensitively). */
export function parseEmails(values: readonly string[]): string[] {
  const emails = new Map<string, string>();
  for (const raw of values.flatMap((value) => value.split(/[,;\s]+/))) {
    const email = raw.trim();
    if (email === '') continue;
    if (!isEmailAddress(email))
      throw new InvalidInputError(`"${email}" is not an e-mail address.`, { field: 'emails' });
    emails.set(email.toLowerCase(), email);
  }
  return [...emails.values()];
}

export function resolveSelection(
  input: SelectionInput,
  context: { adapterLabel: string; capabilities: AdapterCapabilities; watermark: string | null; now: Date },
): Selection {
  if (input.timestamp !== null && input.changedSince !== 'manual') {
    throw new InvalidInputError('A timestamp is only used with Changed since = Manual.', {
      field: 'timestamp',
    });
  }
  if (input.emails !== null) {
    if (!context.capabilities.byEmail) {
      throw new InvalidInputError(`The ${context.adapterLabel} adapter cannot select customers by e-mail.`, {
        field: 'emails',
      });
    }
    if (input.emails.length === 0)
      throw new InvalidInputError('By email needs at least one e-mail address.', { field: 'emails' });
    return { mode: 'by-email', since: null, emails: input.emails };
  }
  const changedSince = context.capabilities.changedSince;
  switch (input.changedSince) {
    case 'anytime':
      return { mode: 'anytime', since: null, emails: null };
    case 'last-transfer':
      return {
        mode: 'last-transfer',
        since: changedSince ? lastTransferSince(context.watermark, context.now) : null,
        emails: null,
      };
    case 'manual': {
      const since = input.timestamp ?? context.now;
      if (since.getTime() > context.now.getTime()) {
        throw new InvalidInputError('The timestamp lies in the future.', { field: 'timestamp' });
      }
      return { mode: 'manual', since: changedSince ? since : null, emails: null };
    }
  }
}
