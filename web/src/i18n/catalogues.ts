/** The catalogue of every web UI language: English has every key; the others may lack some (English then). */
import type { UiLanguage } from './languages.ts';
import type { Message } from './message.ts';
import { de } from './messages-de.ts';
import { en, type MessageKey } from './messages-en.ts';
import { pl } from './messages-pl.ts';

/** A translation: only keys that English has (a typo does not compile), each one optional. */
export type Catalogue = { readonly [K in MessageKey]?: Message };

export const CATALOGUES: Record<UiLanguage, Catalogue> = { en, de, pl };
