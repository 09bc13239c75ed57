/** The shape of a message catalogue: one text per message key, in one language. */
import type { MessageKey } from './message-params.ts';

/** Plural forms by Intl.PluralRules category, picked by the entry's `count`; `other` is required. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type MessageText = string | PluralText;

/** English is complete (the compiler checks it); it is what every other language falls back to. */
export type Catalogue = { readonly [K in MessageKey]: MessageText };

/** Another language: a missing entry falls back to English (and fails test/message-catalogues.test.ts). */
export type Translation = { readonly [K in MessageKey]?: MessageText };
