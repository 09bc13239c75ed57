/**
 * The Import customers rules for partner type and status (spec: "Functioning of the application in
 * cooperation with adapters"; DESIGN.md section 3). Pure functions: no I/O.
 */
import { type ChannelCustomer, hasCompanyData } from './channel-customer.ts';
import type { PartnerStatus, PartnerType } from './partner.ts';
import type { ChannelType } from './sales-channel.ts';

/**
 * The type a new partner gets: the channel's type, or for a B2B & B2C channel B2B exactly when company
 * data was entered. Only used at creation: the type of an existing partner never changes.
 */
export function partnerTypeAtCreation(
  channelType: ChannelType,
  customer: Pick<ChannelCustomer, 'company'>,
): PartnerType {
  switch (channelType) {
    case 'b2c':
      return 'B2C';
    case 'b2b':
      return 'B2B';
    case 'b2b-b2c':
      return hasCompanyData(customer) ? 'B2B' : 'B2C';
  }
}

export interface StatusPolicy {
  /** The channel's "Customer approval" (B2B tab). */
  customerApproval: boolean;
  /** The adapter always blocks new partners (OXID). */
  alwaysBlocked: boolean;
}

/**
 * The status a new partner gets: B2C Released; B2B Blocked unless the channel approves customers;
 * always Blocked for adapters that say so. Later imports never change the status.
 */
export function partnerStatusAtCreation(type: PartnerType, policy: StatusPolicy): PartnerStatus {
  if (policy.alwaysBlocked) return 'Blocked';
  if (type === 'B2C') return 'Released';
  return policy.customerApproval ? 'Released' : 'Blocked';
}
