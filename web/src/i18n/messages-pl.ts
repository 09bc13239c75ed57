import type { Catalogue } from './catalogues.ts';

export const pl: Catalogue = {};
