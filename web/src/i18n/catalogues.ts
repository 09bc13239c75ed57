/** The catalogue of every web UI language: English has every key; the others may lack some (English then). */

import type { Catalogue } from './catalogue.ts';
import type { UiLanguage } from './languages.ts';
import { de } from './messages-de.ts';
import { en } from './messages-en.ts';
import { pl } from './messages-pl.ts';

export type { Catalogue } from './catalogue.ts';

export const CATALOGUES: Record<UiLanguage, Catalogue> = { en, de, pl };
