/** System: defaults, value assistants and the System cockpit (docs/api.md "System"). */
import { api } from './client.ts';

export interface SystemInfo {
  version: string;
  database: 'embedded' | 'postgres';
  oltpDatabase: string;
  contentLanguage: string;
  languages: { code: string; label: string }[];
  timeZone: string;
  timeZones: string[];
  appServer: string | null;
}

export interface BatchApplicationInfo {
  name: string;
  label: string;
  developmentObject: string;
}

export interface ProcessingQueue {
  id: number;
  name: string;
  description: string | null;
  createdAt: string;
  ready: number;
  active: number;
}

export type AppServerStatus = 'running' | 'stopped' | 'dead';

export interface AppServerInfo {
  name: string;
  status: AppServerStatus;
  host: string | null;
  pid: number | null;
  startedAt: string | null;
  heartbeatAt: string | null;
  stoppedAt: string | null;
}

export const fetchSystem = () => api.get<SystemInfo>('/system');
export const listApplications = () => api.get<BatchApplicationInfo[]>('/applications');
export const listQueues = () => api.get<ProcessingQueue[]>('/queues');
export const createQueue = (name: string, description: string) =>
  api.post<ProcessingQueue>('/queues', { name, description });
export const updateQueue = (name: string, description: string) =>
  api.patch<ProcessingQueue>(`/queues/${encodeURIComponent(name)}`, { description });
export const listAppServers = () => api.get<AppServerInfo[]>('/app-servers');
