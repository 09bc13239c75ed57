/** System: defaults, value assistants and the System cockpit (docs/api.md "System"). */
import type {
  AppServerInfo,
  BatchApplicationInfo,
  NewQueue,
  ProcessingQueue,
  QueueUpdate,
  SystemInfo,
} from '../../../src/api/wire-types.ts';
import { api } from './client.ts';

export type {
  AppServerInfo,
  AppServerStatus,
  BatchApplicationInfo,
  ProcessingQueue,
  SystemInfo,
} from '../../../src/api/wire-types.ts';

export const fetchSystem = () => api.get<SystemInfo>('/system');
export const listApplications = () => api.get<BatchApplicationInfo[]>('/applications');
export const listQueues = () => api.get<ProcessingQueue[]>('/queues');
export const createQueue = (name: string, description: string) =>
  api.post<ProcessingQueue>('/queues', { name, description } satisfies NewQueue);
export const updateQueue = (name: string, description: string) =>
  api.patch<ProcessingQueue>(`/queues/${encodeURIComponent(name)}`, { description } satisfies QueueUpdate);
export const listAppServers = () => api.get<AppServerInfo[]>('/app-servers');
