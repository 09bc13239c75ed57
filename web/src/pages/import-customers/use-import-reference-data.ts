/** What the dialog's pickers offer: channels and adapters, users, queues, servers, system defaults. */
import type { User } from '../../api/auth.ts';
import { listUsers } from '../../api/auth.ts';
import { type AdapterInfo, listAdapters, listChannels, type PublicChannel } from '../../api/channels.ts';
import {
  type AppServerInfo,
  type BatchApplicationInfo,
  fetchSystem,
  listApplications,
  listAppServers,
  listQueues,
  type ProcessingQueue,
  type SystemInfo,
} from '../../api/system.ts';
import { type Loaded, useLoader } from '../../hooks/use-loader.ts';

export interface ImportReferenceData {
  system: SystemInfo;
  application: BatchApplicationInfo;
  channels: PublicChannel[];
  adapters: AdapterInfo[];
  users: User[];
  queues: ProcessingQueue[];
  appServers: AppServerInfo[];
}

const FALLBACK_APPLICATION: BatchApplicationInfo = {
  name: 'import-customers',
  label: 'Import customers',
  developmentObject: 'com.kontor.import.customers.ImportCustomers',
};

async function loadAll(): Promise<ImportReferenceData> {
  const [system, applications, channels, adapters, users, queues, appServers] = await Promise.all([
    fetchSystem(),
    listApplications(),
    listChannels(),
    listAdapters(),
    listUsers(),
    listQueues(),
    listAppServers(),
  ]);
  return {
    system,
    application: applications.find((app) => app.name === 'import-customers') ?? FALLBACK_APPLICATION,
    channels,
    adapters,
    users,
    queues,
    appServers,
  };
}

export function useImportReferenceData(): Loaded<ImportReferenceData> {
  return useLoader(loadAll, 'import-reference-data');
}

export function adapterOfChannel(data: ImportReferenceData, channel: string | null): AdapterInfo | null {
  const found = data.channels.find((c) => c.name === channel);
  return found ? (data.adapters.find((a) => a.kind === found.adapter) ?? null) : null;
}
