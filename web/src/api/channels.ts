/** Adapters and sales channels (docs/api.md "Sales channels"; capabilities as src/adapters/adapter.ts). */
import { api } from './client.ts';

// Capabilities and settings schema as the adapters declare them (types only).
export type { AdapterCapabilities, DeletionDetection, SettingField } from '../../../src/adapters/adapter.ts';
export type { ChannelType } from '../../../src/domain/sales-channel.ts';

import type { AdapterCapabilities, SettingField } from '../../../src/adapters/adapter.ts';
import type { ChannelType } from '../../../src/domain/sales-channel.ts';

export interface AdapterInfo {
  kind: string;
  label: string;
  capabilities: AdapterCapabilities;
  settings: SettingField[];
}

export interface PublicChannel {
  id: number;
  name: string;
  adapter: string;
  adapterLabel: string;
  type: ChannelType;
  url: string;
  settings: Record<string, string>;
  secretsSet: string[];
  customerApproval: boolean;
  usePseudoPartner: boolean;
  pseudoPartnerNumber: string | null;
  watermark: string | null;
  createdAt: string;
}

export interface ChannelUpdate {
  name: string;
  type: ChannelType;
  url: string;
  settings: Record<string, string>;
  customerApproval: boolean;
  /** Set = Use pseudo partner on. */
  pseudoPartnerNumber: string | null;
  /** Secret settings whose stored value is removed (an absent or empty secret keeps its value). */
  clearSecrets?: string[];
}

export interface ChannelInput extends ChannelUpdate {
  adapter: string;
}

export interface TestResult {
  ok: boolean;
  message: string;
}

export const CHANNEL_TYPE_LABELS: Record<ChannelType, string> = {
  b2c: 'B2C',
  b2b: 'B2B',
  'b2b-b2c': 'B2B & B2C',
};

const path = (name: string) => `/channels/${encodeURIComponent(name)}`;

export const listAdapters = () => api.get<AdapterInfo[]>('/adapters');
export const listChannels = () => api.get<PublicChannel[]>('/channels');
export const fetchChannel = (name: string) => api.get<PublicChannel>(path(name));
export const createChannel = (input: ChannelInput) => api.post<PublicChannel>('/channels', input);
export const updateChannel = (name: string, update: ChannelUpdate) =>
  api.put<PublicChannel>(path(name), update);
export const testChannel = (name: string) => api.post<TestResult>(`${path(name)}/test`);
