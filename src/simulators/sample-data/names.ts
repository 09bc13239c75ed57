/**
 * Building blocks of sample people shared by every simulator's seed: surnames in the right grammatical
 * form, company names, street lines, patterned ids and random instants. All draw from one Prng, so the
 * same seed gives the same data.
 */
import type { SeedLocale } from './locale.ts';
import type { Prng } from './prng.ts';

/** A surname of the locale ("Kowalski|Kowalska" gives the female form to women); two for Spanish names. */
export function surname(rng: Prng, locale: SeedLocale, female: boolean): string {
  const one = (): string => {
    const [male, fem] = rng.pick(locale.lastNames).split('|') as [string, string | undefined];
    return female && fem ? fem : male;
  };
  return locale.doubleSurname ? `${one()} ${one()}` : one();
}

/** A company name of the locale, e.g. "Nowak Sp. z o.o.". */
export function companyName(rng: Prng, locale: SeedLocale): string {
  const last = (): string => (rng.pick(locale.lastNames).split('|')[0] as string).split(' ').pop() as string;
  return rng.pick(locale.companies).replace('{last2}', last()).replace('{last}', last());
}

/** The street line as the locale writes it ("Hauptstraße 12a", "12 High Street"). */
export function streetLine(rng: Prng, locale: SeedLocale): string {
  const number = `${rng.int(1, 150)}${rng.chance(0.1) ? rng.pick(['a', 'b', '/4', '/12']) : ''}`;
  return locale.streetLine.replace('{street}', rng.pick(locale.streets)).replace('{no}', number);
}

/** Fills a pattern: "#" a random digit, "@" a random capital letter. */
export function fillPattern(rng: Prng, pattern: string): string {
  return rng.digits(pattern.replace(/@/g, () => String.fromCharCode(65 + rng.int(0, 25))));
}

/** A random whole second between two instants (ms since the epoch). */
export function randomTime(rng: Prng, from: number, to: number): number {
  const seconds = Math.floor(from / 1000) + rng.int(0, Math.max(0, Math.floor((to - from) / 1000)));
  return seconds * 1000;
}
