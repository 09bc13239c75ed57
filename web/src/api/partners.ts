/** Cockpit: Sales channel partners (docs/api.md; the partner JSON of DESIGN.md 5). */
import { api } from './client.ts';

// The partner JSON of DESIGN.md 5, as the server defines it (types only: nothing of the server is bundled).
export type {
  Partner,
  PartnerAddress,
  PartnerContact,
  PartnerLink,
  PartnerStatus,
  PartnerType,
} from '../../../src/domain/partner.ts';

import type { Partner, PartnerStatus, PartnerType } from '../../../src/domain/partner.ts';

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
