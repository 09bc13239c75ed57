/**
 * E-mail addresses for the seed's sample people: ASCII-folded names ("Jędrzej Wójcik" ->
 * "jedrzej.wojcik"), free-mail domains of the country or the company's own domain, unique in the shop.
 */

import type { SeedLocale } from './locale.ts';
import type { Prng } from './prng.ts';

export function uniqueEmail(
  rng: Prng,
  taken: Set<string>,
  first: string,
  last: string,
  company: string | undefined,
  locale: SeedLocale,
): string {
  const f = asciiFold(first);
  const l = asciiFold(last);
  const tld = TOP_LEVEL_DOMAINS[locale.country] ?? locale.country.toLowerCase();
  const domain =
    company && rng.chance(0.6) ? `${domainLabel(company)}.${tld}` : rng.pick(locale.emailDomains);
  const local = rng.pick([
    `${f}.${l}`,
    `${f.charAt(0)}${l}`,
    `${f}_${l}`,
    `${f}${rng.int(1, 99)}`,
    `${l}.${f}`,
  ]);
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

const TOP_LEVEL_DOMAINS: Readonly<Record<string, string>> = { GB: 'co.uk', US: 'com' };

const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  þ: 'th',
};

/** "Jędrzej Wójcik-Øberg" -> "jedrzejwojcik-oberg": lower case ASCII letters, digits, dots and dashes. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßłıøæœđþ]/g, (char) => FOLD[char] ?? char)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.-]/g, '');
}

/** "Fernández S.L." -> "fernandez-s-l": a valid domain label. */
function domainLabel(company: string): string {
  const words = company
    .toLowerCase()
    .replace(/[ßłıøæœđþ]/g, (char) => FOLD[char] ?? char)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  return words.slice(0, 24).replace(/^-+|-+$/g, '') || 'company';
}
