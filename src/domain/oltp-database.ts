/**
 * An OLTP database (the spec's Batch settings: "the OLTP database to which the user is logged in"): one
 * installation holds several (PROD, TEST), each with its own partners, sales channels and import history.
 * The default one is the first created (`default` on a new installation).
 */
import { InvalidInputError } from './errors.ts';

export interface OltpDatabase {
  name: string;
  /** Its content language (BCP 47 tag): the default of its batch jobs. */
  language: string;
  /** The first one created: used where no OLTP database is named. */
  default: boolean;
}

/** The OLTP database that migration 0015 made of the tables of before. */
export const FIRST_OLTP = 'default';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Checks a new OLTP database's name (it becomes a schema name): letters, digits, underscores, 40 at most. */
export function checkOltpName(name: string): string {
  const value = name.trim();
  if (!NAME.test(value)) {
    throw new InvalidInputError(
      `"${name}" is not a valid OLTP database name: use a letter, then letters, digits or underscores (at most 40), e.g. PROD or TEST.`,
      { field: 'name' },
    );
  }
  return value;
}

/** A content language tag in its canonical form (`de-de` -> `de-DE`). */
export function checkLanguageTag(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (canonical) return canonical;
  } catch {
    // falls through to the error below
  }
  throw new InvalidInputError(`Content language "${tag}" is not a language tag (e.g. en, de, pl-PL).`, {
    field: 'language',
  });
}
