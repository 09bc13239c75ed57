/** Open records (docs/api.md "Open records"): the records runs did not import, and confirm / ignore / retry. */

import type {
  OpenRecordFilter,
  OpenRecordPage,
  OpenRecordState,
  RecordActionResult,
} from '../../../src/api/wire-types.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { api, type QueryOf } from './client.ts';

export type {
  OpenRecord,
  OpenRecordPage,
  OpenRecordState,
  RecordActionResult,
} from '../../../src/api/wire-types.ts';
export { OPEN_RECORD_STATES } from '../../../src/domain/open-record.ts';

export type RecordAction = 'confirm' | 'ignore' | 'retry';

export const listRecords = (filter: QueryOf<OpenRecordFilter>) =>
  api.get<OpenRecordPage>('/records', { ...filter });

export const actOnRecords = (action: RecordAction, channel: string, externalIds: string[]) =>
  api.post<RecordActionResult>(`/records/${action}`, { channel, externalIds });

/** Review of a match (MATCH_AMBIGUOUS): import the record onto a chosen partner, or as a new partner. */
export const linkRecord = (channel: string, externalId: string, partner: string) =>
  api.post<RecordActionResult>('/records/link', { channel, externalId, partner });

export const createNewPartner = (channel: string, externalIds: string[]) =>
  api.post<RecordActionResult>('/records/create-new', { channel, externalIds });

/** The record waits for a user's decision between several matching partners. */
export const awaitsMatchReview = (record: { codes: string[]; state: OpenRecordState }) =>
  record.state === 'open' && record.codes.includes('MATCH_AMBIGUOUS');

export const STATE_KEYS: Record<OpenRecordState, MessageKey> = {
  open: 'recordState.open',
  imported: 'recordState.imported',
  confirmed: 'recordState.confirmed',
  ignored: 'recordState.ignored',
};

export const ACTION_KEYS: Record<RecordAction, MessageKey> = {
  confirm: 'recordAction.confirm',
  ignore: 'recordAction.ignore',
  retry: 'recordAction.retry',
};

/** The link to the Review page, filtered. */
export function reviewPath(
  filter: { channel?: string | null; state?: OpenRecordState; code?: string | null } = {},
) {
  const params = new URLSearchParams();
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.state) params.set('state', filter.state);
  if (filter.code) params.set('code', filter.code);
  const query = params.toString();
  return query === '' ? '/records' : `/records?${query}`;
}
