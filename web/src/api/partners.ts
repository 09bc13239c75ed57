/** Cockpit: Sales channel partners (docs/api.md; the partner JSON of DESIGN.md 5). */
import { api } from './client.ts';

export type PartnerType = 'B2B' | 'B2C';
export type PartnerStatus = 'Blocked' | 'Released';

export interface PartnerAddress {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  region: string | null;
  defaultBilling: boolean;
  defaultShipping: boolean;
}

export interface PartnerContact {
  name: string | null;
  function: string | null;
  email: string | null;
  phone: string | null;
}

export interface ChannelLink {
  channel: string;
  externalId: string;
  importedAt: string | null;
  deletedAt: string | null;
  active: boolean;
}

export interface Partner {
  number: string;
  type: PartnerType;
  status: PartnerStatus;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  taxId: string | null;
  phones: string[];
  websites: string[];
  addresses: PartnerAddress[];
  contacts: PartnerContact[];
  salesTaxClassification: string | null;
  salesRepresentative: string | null;
  links: ChannelLink[];
}

export interface PartnerFilter {
  q?: string;
  channel?: string | null;
  type?: PartnerType | null;
  status?: PartnerStatus | null;
  deleted?: 'yes' | 'no' | null;
  limit?: number;
  offset?: number;
}

export interface PartnerPage {
  total: number;
  items: Partner[];
}

export const listPartners = (filter: PartnerFilter) => api.get<PartnerPage>('/partners', { ...filter });
export const fetchPartner = (number: string) => api.get<Partner>(`/partners/${encodeURIComponent(number)}`);
