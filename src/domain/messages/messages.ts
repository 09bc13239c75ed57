/**
 * Renders the messages of batch processes in a content language: the language's text for the key (English
 * where the language has none), `{name}` placeholders filled in, numbers grouped the language's way and the
 * plural form picked by `count`. Messages are rendered when they are written (run log, summary,
 * notifications): what is stored is in the job's language.
 */
import type { MessageText, Translation } from './catalogue.ts';
import { GERMAN } from './catalogue-de.ts';
import { ENGLISH } from './catalogue-en.ts';
import { POLISH } from './catalogue-pl.ts';
import { type MessageLanguage, messageLanguage } from './content-language.ts';
import type { MessageKey, MessageParams } from './message-params.ts';

export const CATALOGUES: Readonly<Record<MessageLanguage, Translation>> = {
  en: ENGLISH,
  de: GERMAN,
  pl: POLISH,
};

export interface Messages {
  readonly language: MessageLanguage;
  say<K extends MessageKey>(key: K, params: MessageParams[K]): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders of one text (all plural forms together), sorted. */
export function placeholdersOf(text: MessageText): string[] {
  const forms = typeof text === 'string' ? [text] : Object.values(text);
  return [
    ...new Set(forms.flatMap((form) => [...form.matchAll(PLACEHOLDER)].map((m) => m[1] as string))),
  ].sort();
}

const cache = new Map<MessageLanguage, Messages>();

/** The messages of a content language (any tag; de-AT -> German, unknown -> English). */
export function messagesFor(tag: string | null | undefined): Messages {
  const language = messageLanguage(tag);
  let messages = cache.get(language);
  if (!messages) {
    messages = createMessages(language);
    cache.set(language, messages);
  }
  return messages;
}

/** English: what runs outside a job (the open-record actions of the CLI) write. */
export const ENGLISH_MESSAGES: Messages = messagesFor('en');

function createMessages(language: MessageLanguage): Messages {
  const numbers = new Intl.NumberFormat(language === 'en' ? 'en-US' : language);
  const plurals = new Intl.PluralRules(language);
  const catalogue = CATALOGUES[language];
  return {
    language,
    say(key, params) {
      const text = catalogue[key] ?? ENGLISH[key];
      const values = params as Record<string, string | number>;
      const template =
        typeof text === 'string' ? text : (text[plurals.select(Number(values.count ?? 0))] ?? text.other);
      return template.replace(PLACEHOLDER, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      });
    },
  };
}
