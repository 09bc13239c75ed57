/** Adapters and sales channels (docs/api.md "Sales channels"; capabilities as src/adapters/adapter.ts). */
import type {
  AdapterInfo,
  ChannelInput,
  ChannelListItem,
  ChannelTestAnswer,
  ChannelTestChanges,
  ChannelTestInput,
  ChannelUpdate,
  PublicChannel,
} from '../../../src/api/wire-types.ts';
import { api } from './client.ts';

// The adapters' capabilities and settings, the channel as the API shows and takes it (types only).
export type {
  AdapterCapabilities,
  AdapterInfo,
  ChannelInput,
  ChannelListItem,
  ChannelTestAnswer,
  ChannelType,
  ChannelUpdate,
  DeletionDetection,
  MatchRule,
  PublicChannel,
  SettingField,
} from '../../../src/api/wire-types.ts';
export { MATCH_RULE_LABELS, MATCH_RULES } from '../../../src/domain/match-rules.ts';
export { CHANNEL_TYPE_LABELS } from '../../../src/domain/sales-channel.ts';

const path = (name: string) => `/channels/${encodeURIComponent(name)}`;

export const listAdapters = () => api.get<AdapterInfo[]>('/adapters');
/** The channels with their open records (records runs did not import). */
export const listChannels = () => api.get<ChannelListItem[]>('/channels');
export const fetchChannel = (name: string) => api.get<PublicChannel>(path(name));
export const createChannel = (input: ChannelInput) => api.post<PublicChannel>('/channels', input);
export const updateChannel = (name: string, update: ChannelUpdate) =>
  api.put<PublicChannel>(path(name), update);
/** Tests the saved channel, or (administrators) the edit form's values: empty secrets are the stored ones. */
export const testChannel = (name: string, changes?: ChannelTestChanges) =>
  api.post<ChannelTestAnswer>(`${path(name)}/test`, changes);
/** Tests a channel not saved yet (administrators). */
export const testUnsavedChannel = (input: ChannelTestInput) =>
  api.post<ChannelTestAnswer>('/channels/test', input);
