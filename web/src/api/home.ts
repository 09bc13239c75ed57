/** The home page (docs/api.md "Home"): every sales channel's health. */
import type { Home } from '../../../src/api/wire-types.ts';
import { api } from './client.ts';

export type { ChannelHealth, HealthRun, Home } from '../../../src/api/wire-types.ts';

export const fetchHome = () => api.get<Home>('/home');
