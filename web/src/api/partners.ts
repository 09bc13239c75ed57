/** Cockpit: Sales channel partners (docs/api.md; the partner JSON of DESIGN.md 5). */
import type {
  Partner,
  PartnerHistory,
  PartnerListQuery,
  PartnerMerge,
  PartnerPage,
} from '../../../src/api/wire-types.ts';
import { api, type QueryOf } from './client.ts';

// The partner JSON of DESIGN.md 5, as the API shows it (types only: nothing of the server is bundled).
export type {
  HistoryEntry,
  Partner,
  PartnerAddress,
  PartnerContact,
  PartnerLink,
  PartnerMerge,
  PartnerPage,
  PartnerStatus,
  PartnerType,
} from '../../../src/api/wire-types.ts';

/** The partner list filter: a null or empty value is no filter. */
export type PartnerFilter = QueryOf<PartnerListQuery>;

export const listPartners = (filter: PartnerFilter) => api.get<PartnerPage>('/partners', { ...filter });
export const fetchPartner = (number: string) => api.get<Partner>(`/partners/${encodeURIComponent(number)}`);

/** The partner's history and that of partners merged into it, oldest first. */
export const fetchPartnerHistory = (number: string) =>
  api.get<PartnerHistory>(`/partners/${encodeURIComponent(number)}/history`);

/** Release or block (a user's decision, recorded with who). */
export const setPartnerStatus = (number: string, action: 'release' | 'block') =>
  api.post<Partner>(`/partners/${encodeURIComponent(number)}/${action}`);

/** Merges partner `remove` into partner `keep` (administrator). */
export const mergePartners = (keep: string, remove: string) =>
  api.post<PartnerMerge>('/partners/merges', { keep, remove });
