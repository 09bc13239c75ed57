/**
 * Checks every customer passes before it is imported, whatever the adapter. An error makes the record
 * unusable: it is never imported, only logged. A warning holds the record back until it is confirmed
 * ("Confirm all warnings"); confirmed, it is imported and the warning logged. The catalogue lists them all.
 */
import type { ChannelCustomer } from './channel-customer.ts';
import { isCountryCode, meantCountry } from './countries.ts';
import { ENGLISH_MESSAGES, type Messages } from './messages/messages.ts';
import { taxIdFormatValid } from './tax-id-formats.ts';

export interface CheckFinding {
  code: string;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether any text in `value` (walked through arrays and objects) holds a NUL character. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/** The record's errors, their messages in the given content language (default English). */
export function customerErrors(
  customer: ChannelCustomer,
  messages: Messages = ENGLISH_MESSAGES,
): CheckFinding[] {
  const errors: CheckFinding[] = [];
  const hasName = [customer.firstName, customer.lastName, customer.company].some(
    (part) => part && part.trim() !== '',
  );
  if (!hasName) errors.push({ code: 'NO_NAME', message: messages.say('NO_NAME', {}) });
  if (customer.email !== null && !EMAIL.test(customer.email)) {
    errors.push({ code: 'INVALID_EMAIL', message: messages.say('INVALID_EMAIL', { email: customer.email }) });
  }
  if (holdsNul(customer)) {
    errors.push({
      code: 'INVALID_CHARACTERS',
      message: messages.say('INVALID_CHARACTERS', {}),
    });
  }
  if (Number.isNaN(Date.parse(customer.updatedAt))) {
    errors.push({
      code: 'INVALID_DATE',
      message: messages.say('INVALID_DATE', { value: customer.updatedAt }),
    });
  }
  return errors;
}

/** emailTakenBy of a partner created earlier in the same run (it has no number yet). */
export const THIS_RUN = Symbol('this run');

export interface WarningContext {
  /**
   * Another partner (not the one this record is linked to) already has the customer's e-mail: its number, or
   * THIS_RUN for a partner that the same run creates.
   */
  emailTakenBy: string | typeof THIS_RUN | null;
}

export function customerWarnings(
  customer: ChannelCustomer,
  context: WarningContext,
  messages: Messages = ENGLISH_MESSAGES,
): CheckFinding[] {
  const warnings: CheckFinding[] = [];
  if (customer.addresses.length === 0) {
    warnings.push({ code: 'NO_ADDRESS', message: messages.say('NO_ADDRESS', {}) });
  }
  const unknown = [
    ...new Set(
      customer.addresses.flatMap((a) => (a.country !== null && !isCountryCode(a.country) ? [a.country] : [])),
    ),
  ];
  for (const country of unknown) {
    const meant = meantCountry(country);
    warnings.push({
      code: 'UNKNOWN_COUNTRY',
      message: meant
        ? messages.say('UNKNOWN_COUNTRY.meant', { country, meant })
        : messages.say('UNKNOWN_COUNTRY', { country }),
    });
  }
  if (customer.taxId !== null && customer.taxId.trim() !== '') {
    const country = billingCountry(customer);
    if (taxIdFormatValid(customer.taxId, country) === false) {
      warnings.push({
        code: 'TAX_ID_FORMAT',
        message:
          country === null
            ? messages.say('TAX_ID_FORMAT.no-country', { taxId: customer.taxId })
            : messages.say('TAX_ID_FORMAT', { taxId: customer.taxId, country }),
      });
    }
  }
  if (context.emailTakenBy !== null) {
    warnings.push({
      code: 'DUPLICATE_EMAIL',
      message:
        context.emailTakenBy === THIS_RUN
          ? messages.say('DUPLICATE_EMAIL.this-run', { email: customer.email ?? '' })
          : messages.say('DUPLICATE_EMAIL', { partner: context.emailTakenBy, email: customer.email ?? '' }),
    });
  }
  return warnings;
}

/** The country of the default billing address, else of the first address with a known country. */
function billingCountry(customer: ChannelCustomer): string | null {
  const known = customer.addresses.filter((a) => a.country !== null && isCountryCode(a.country));
  return (known.find((a) => a.defaultBilling) ?? known[0])?.country ?? null;
}

export interface CatalogueEntry {
  code: string;
  severity: 'error' | 'warning';
  description: string;
}

/** Every finding a record can get, for the docs, the web UI and the run log's legend. */
export const CHECK_CATALOGUE: readonly CatalogueEntry[] = [
  { code: 'NO_NAME', severity: 'error', description: 'Neither a name nor a company name.' },
  { code: 'INVALID_EMAIL', severity: 'error', description: 'The e-mail address is not valid.' },
  {
    code: 'INVALID_CHARACTERS',
    severity: 'error',
    description: 'The data contains characters that cannot be stored (NUL).',
  },
  { code: 'INVALID_DATE', severity: 'error', description: 'The change time is not a date.' },
  {
    code: 'WRITE_REFUSED',
    severity: 'error',
    description: 'The partner master refused the data (too long, invalid).',
  },
  { code: 'NO_ADDRESS', severity: 'warning', description: 'The customer has no address.' },
  {
    code: 'UNKNOWN_COUNTRY',
    severity: 'warning',
    description: 'An address has a country that is not an ISO 3166 code.',
  },
  {
    code: 'TAX_ID_FORMAT',
    severity: 'warning',
    description: "The tax id does not have its country's format.",
  },
  {
    code: 'DUPLICATE_EMAIL',
    severity: 'warning',
    description: 'Another partner already has this e-mail address.',
  },
];
