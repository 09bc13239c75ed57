/**
 * The content language of a batch process (the spec's Batch setting "Content language"): any BCP 47 tag is
 * stored with the job; its messages are written in the catalogue of the tag's language (de-AT -> de), and in
 * English where Kontor has no catalogue for it.
 */

export const MESSAGE_LANGUAGES = ['en', 'de', 'pl'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** The language whose catalogue a content language's messages come from. */
export function messageLanguage(tag: string | null | undefined): MessageLanguage {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (MESSAGE_LANGUAGES as readonly string[]).includes(primary) ? (primary as MessageLanguage) : 'en';
}
