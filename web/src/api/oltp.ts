/** OLTP databases (docs/api.md "OLTP databases"): those one may log in to, and switching the session's one. */
import type { OltpDatabaseInfo, OltpSwitchAnswer } from '../../../src/api/wire-types.ts';
import { api, request } from './client.ts';

export type { OltpDatabaseInfo } from '../../../src/api/wire-types.ts';

/** Readable without a session: the login form offers them. */
export const listOltpDatabases = () =>
  request<OltpDatabaseInfo[]>('GET', '/oltp-databases', { quietUnauthorized: true });

/** Every later call works on `name`'s partners, channels and runs. */
export const switchOltp = (name: string) => api.put<OltpSwitchAnswer>('/session/oltp', { name });
