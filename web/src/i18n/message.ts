/**
 * One message of a catalogue: a text with `{name}` placeholders, or plural forms chosen by the `count`
 * parameter with Intl.PluralRules (English and German use one/other, Polish one/few/many/other).
 */
export type PluralMessage = { one: string; few?: string; many?: string; other: string };
export type Message = string | PluralMessage;

export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders of a message (all of its plural forms), sorted: for the check across languages. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names].sort();
}

/** Fills the placeholders: numbers are grouped in the locale's way; an unknown placeholder stays as written. */
export function render(message: Message, locale: string, params: Params = {}): string {
  const count = params.count;
  const text =
    typeof message === 'string'
      ? message
      : (message[
          new Intl.PluralRules(locale).select(typeof count === 'number' ? count : 0) as keyof PluralMessage
        ] ?? message.other);
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}
