/** Cockpit: Sales channel partners (docs/api.md; the partner JSON of DESIGN.md 5). */
import type { Partner, PartnerListQuery, PartnerPage } from '../../../src/api/wire-types.ts';
import { api, type QueryOf } from './client.ts';

// The partner JSON of DESIGN.md 5, as the API shows it (types only: nothing of the server is bundled).
export type {
  Partner,
  PartnerAddress,
  PartnerContact,
  PartnerLink,
  PartnerPage,
  PartnerStatus,
  PartnerType,
} from '../../../src/api/wire-types.ts';

/** The partner list filter: a null or empty value is no filter. */
export type PartnerFilter = QueryOf<PartnerListQuery>;

export const listPartners = (filter: PartnerFilter) => api.get<PartnerPage>('/partners', { ...filter });
export const fetchPartner = (number: string) => api.get<Partner>(`/partners/${encodeURIComponent(number)}`);
