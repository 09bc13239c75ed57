/**
 * Checks every customer passes before it is imported, whatever the adapter. An error makes the record
 * unusable: it is never imported, only logged. (Warnings that wait for confirmation build on this.)
 */
import type { ChannelCustomer } from './channel-customer.ts';

export interface CheckFinding {
  code: string;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Z]{2}$/;

export function customerErrors(customer: ChannelCustomer): CheckFinding[] {
  const errors: CheckFinding[] = [];
  const hasName = [customer.firstName, customer.lastName, customer.company].some(
    (part) => part && part.trim() !== '',
  );
  if (!hasName)
    errors.push({ code: 'NO_NAME', message: 'The customer has neither a name nor a company name.' });
  if (customer.email !== null && !EMAIL.test(customer.email)) {
    errors.push({ code: 'INVALID_EMAIL', message: `The e-mail address "${customer.email}" is not valid.` });
  }
  for (const address of customer.addresses) {
    if (address.country !== null && !COUNTRY.test(address.country)) {
      errors.push({
        code: 'INVALID_COUNTRY',
        message: `The country "${address.country}" is not an ISO 3166 alpha-2 code.`,
      });
    }
  }
  if (JSON.stringify(customer).includes('\\u0000')) {
    errors.push({
      code: 'INVALID_CHARACTERS',
      message: 'The customer data contains a NUL character, which cannot be stored.',
    });
  }
  if (Number.isNaN(Date.parse(customer.updatedAt))) {
    errors.push({ code: 'INVALID_DATE', message: `The change time "${customer.updatedAt}" is not a date.` });
  }
  return errors;
}
