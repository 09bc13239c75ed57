import type { Catalogue } from './catalogues.ts';

export const de: Catalogue = {};
