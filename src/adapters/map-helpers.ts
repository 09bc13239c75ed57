/**
 * The result of mapping one raw channel record to a ChannelCustomer, and its rejection.
 * Field readers (text, phones, e-mail, instants) are in record-values.ts.
 */
import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';

export type MapResult = { ok: true; customer: ChannelCustomer } | { ok: false; rejected: RejectedRecord };

export function reject(
  externalId: string | null,
  code: string,
  message: string,
  updatedAt: string | null,
): MapResult {
  return { ok: false, rejected: { externalId, code, message, updatedAt } };
}
