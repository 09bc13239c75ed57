/**
 * What a test (or PATCH) writes into the Shopware store: customer and address input, and the defaults a
 * new customer and a new address get (as the DAL fills them).
 */
import { randomUUID } from 'node:crypto';
import type { ShopwareAddress, ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import {
  COUNTRY_BY_ISO,
  CUSTOMER_GROUPS,
  LANGUAGE_ID,
  PAYMENT_METHOD_ID,
  SALES_CHANNELS,
  SALUTATIONS,
} from './simulator-catalog.ts';
import { fail } from './simulator-errors.ts';

/** An address as a test writes it: the country by ISO code. */
export type AddressInput = Partial<
  Omit<ShopwareAddress, 'apiAlias' | 'country' | 'countryState' | 'salutation'>
> & {
  country?: string;
};

/** A new customer as a test writes it. */
export type CustomerInput = Partial<Omit<ShopwareCustomer, 'addresses' | 'apiAlias'>> & {
  email: string;
  firstName: string;
  lastName: string;
  addresses: AddressInput[];
};

/** A new customer (createdAt given, updatedAt null); the first address is the default for both. */
export function newCustomer(
  input: CustomerInput,
  id: string,
  createdAt: string,
  addresses: ShopwareAddress[],
  customerNumber: string,
): ShopwareCustomer {
  const first = addresses[0];
  if (!first) fail(400, 'FRAMEWORK__WRITE_CONSTRAINT_VIOLATION', 'This value should not be blank.');
  return {
    groupId: CUSTOMER_GROUPS.standard.id,
    defaultPaymentMethodId: PAYMENT_METHOD_ID,
    salesChannelId: SALES_CHANNELS.storefront,
    languageId: LANGUAGE_ID,
    lastPaymentMethodId: null,
    defaultBillingAddressId: first.id,
    defaultShippingAddressId: first.id,
    customerNumber,
    salutationId: SALUTATIONS.not_specified.id,
    company: null,
    title: null,
    vatIds: null,
    affiliateCode: null,
    campaignCode: null,
    active: true,
    doubleOptInRegistration: false,
    doubleOptInEmailSentDate: null,
    doubleOptInConfirmDate: null,
    hash: null,
    guest: false,
    firstLogin: createdAt,
    lastLogin: null,
    accountType: input.company ? 'business' : 'private',
    birthday: null,
    lastOrderDate: null,
    orderCount: 0,
    orderTotalAmount: 0,
    reviewCount: 0,
    customFields: null,
    tagIds: null,
    requestedGroupId: null,
    boundSalesChannelId: null,
    createdById: null,
    updatedById: null,
    ...input,
    id,
    addresses,
    createdAt,
    updatedAt: null,
    apiAlias: 'customer',
  };
}

export function buildAddress(input: AddressInput, customerId: string, createdAt: string): ShopwareAddress {
  return {
    id: input.id ?? newId(),
    customerId,
    countryId: COUNTRY_BY_ISO.get('DE')?.id as string,
    countryStateId: null,
    salutationId: null,
    firstName: '',
    lastName: '',
    zipcode: null,
    city: '',
    company: null,
    street: '',
    department: null,
    title: null,
    phoneNumber: null,
    additionalAddressLine1: null,
    additionalAddressLine2: null,
    customFields: null,
    ...addressFields(input),
    createdAt,
    updatedAt: null,
    apiAlias: 'customer_address',
  };
}

export function addressFields(input: AddressInput): Partial<ShopwareAddress> {
  const { country, ...fields } = input;
  if (country === undefined) return fields;
  const found = COUNTRY_BY_ISO.get(country.toUpperCase());
  if (!found)
    fail(400, 'FRAMEWORK__WRITE_CONSTRAINT_VIOLATION', 'The country "{{ country }}" does not exist.', {
      country,
    });
  return { ...fields, countryId: found.id };
}

export function newId(): string {
  return randomUUID().replace(/-/g, '');
}
