/** Every sample locale the simulators draw from, weighted by each country's share of customers. */
import type { SeedLocale } from './locale.ts';
import { CENTRAL_LOCALES } from './locales-central.ts';
import { NORTH_LOCALES } from './locales-north.ts';
import { SOUTH_LOCALES } from './locales-south.ts';
import { WEST_LOCALES } from './locales-west.ts';

export const SAMPLE_LOCALES: readonly SeedLocale[] = [
  ...CENTRAL_LOCALES,
  ...WEST_LOCALES,
  ...SOUTH_LOCALES,
  ...NORTH_LOCALES,
];

/** Sample data ends here unless a simulator is told otherwise: tests compare against fixed dates. */
export const DEFAULT_SEED_UNTIL = new Date('2025-06-30T12:00:00Z');
