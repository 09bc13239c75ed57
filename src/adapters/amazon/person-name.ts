/**
 * Splits the one name Amazon gives (BuyerName, or the shipping address's Name) into first and last name,
 * as an ERP partner keeps them. Amazon stores what the buyer typed, so this is a careful guess:
 * - "Kowalski, Jan" (a comma) is "last, first";
 * - a leading salutation (Herr, Frau, Mr, Mrs, Ms, Mme, Sr., Sra., Sig.) is dropped;
 * - a surname particle that is not the first word starts the last name: "Sanne van den Berg",
 *   "Anna de Vries", "Ludwig von Trapp", "Maria dos Santos";
 * - with Spanish naming (the buyer's store or address in a Spanish-speaking country) and three or more
 *   words, the last two words are the two surnames: "María José García López";
 * - otherwise the last word is the last name and everything before it the first name (middle names
 *   included): "Mary Ann Smith" -> "Mary Ann" + "Smith";
 * - a single word is a last name only.
 */
export interface PersonName {
  firstName: string | null;
  lastName: string | null;
}

/** Lower case, without a trailing dot. ("M." is left alone: it may be an initial.) */
const SALUTATIONS = new Set([
  'herr',
  'frau',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mme',
  'mlle',
  'sr',
  'sra',
  'sig',
  'sig.ra',
]);
const PARTICLES = new Set([
  'van',
  'von',
  'vom',
  'zu',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'ter',
  'ten',
  'dos',
  'das',
  'af',
]);

export function splitPersonName(raw: string | null | undefined, spanishNaming = false): PersonName {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return { firstName: null, lastName: null };
  const comma = text.indexOf(',');
  if (comma > 0) {
    const last = text.slice(0, comma).trim();
    const first = text.slice(comma + 1).trim();
    return { firstName: first || null, lastName: last || null };
  }
  const words = text.split(' ');
  while (words.length > 1 && SALUTATIONS.has((words[0] as string).toLowerCase().replace(/\.$/, '')))
    words.shift();
  if (words.length === 1) return { firstName: null, lastName: words[0] as string };
  const particle = words.findIndex((word, index) => index > 0 && PARTICLES.has(word.toLowerCase()));
  const surnameStart =
    particle > 0 && particle < words.length - 1
      ? particle
      : spanishNaming && words.length >= 3
        ? words.length - 2
        : words.length - 1;
  return { firstName: words.slice(0, surnameStart).join(' '), lastName: words.slice(surnameStart).join(' ') };
}
