/**
 * Shopware 6 entities as the Admin API renders them in plain JSON (Accept: application/json): camelCase
 * properties, ids as 32 lower-case hex digits, dates as RFC 3339 with milliseconds and offset
 * ("2024-05-17T08:03:11.123+00:00"), null for unset values and for associations that were not loaded,
 * and `apiAlias` naming the type. Only the fields Kontor reads or the simulator renders are listed.
 */

export interface ShopwareCountry {
  id: string;
  name: string | null;
  /** ISO 3166-1 alpha-2; a free text field in the administration (custom countries may have anything). */
  iso: string | null;
  iso3: string | null;
  active?: boolean;
  translated?: { name: string | null };
  createdAt?: string;
  updatedAt?: string | null;
  apiAlias: 'country';
}

export interface ShopwareCountryState {
  id: string;
  countryId: string;
  /** "DE-BY", "US-NY". */
  shortCode: string;
  name: string | null;
  translated?: { name: string | null };
  apiAlias: 'country_state';
}

export interface ShopwareSalutation {
  id: string;
  salutationKey: string;
  displayName: string | null;
  letterName: string | null;
  apiAlias: 'salutation';
}

export interface ShopwareCustomerGroup {
  id: string;
  name: string | null;
  displayGross: boolean;
  registrationActive: boolean;
  apiAlias: 'customer_group';
}

export interface ShopwareAddress {
  id: string;
  customerId: string;
  countryId: string;
  countryStateId: string | null;
  salutationId: string | null;
  firstName: string;
  lastName: string;
  /** Optional since 6.5 (countries without postal codes). */
  zipcode: string | null;
  city: string;
  company: string | null;
  street: string;
  department: string | null;
  title: string | null;
  phoneNumber: string | null;
  additionalAddressLine1: string | null;
  additionalAddressLine2: string | null;
  customFields: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string | null;
  country?: ShopwareCountry | null;
  countryState?: ShopwareCountryState | null;
  salutation?: ShopwareSalutation | null;
  apiAlias: 'customer_address';
}

export type AccountType = 'private' | 'business';

export interface ShopwareCustomer {
  id: string;
  groupId: string;
  defaultPaymentMethodId: string;
  salesChannelId: string;
  languageId: string;
  lastPaymentMethodId: string | null;
  defaultBillingAddressId: string;
  defaultShippingAddressId: string;
  customerNumber: string;
  salutationId: string | null;
  firstName: string;
  lastName: string;
  company: string | null;
  email: string;
  title: string | null;
  vatIds: string[] | null;
  affiliateCode: string | null;
  campaignCode: string | null;
  active: boolean;
  doubleOptInRegistration: boolean;
  doubleOptInEmailSentDate: string | null;
  doubleOptInConfirmDate: string | null;
  hash: string | null;
  guest: boolean;
  firstLogin: string | null;
  lastLogin: string | null;
  /** Since 6.5; older shops only know the company field. */
  accountType?: AccountType;
  birthday: string | null;
  lastOrderDate: string | null;
  orderCount: number;
  orderTotalAmount: number;
  reviewCount: number;
  customFields: Record<string, unknown> | null;
  tagIds: string[] | null;
  requestedGroupId: string | null;
  boundSalesChannelId: string | null;
  createdById: string | null;
  updatedById: string | null;
  createdAt: string;
  /** null until the customer is first changed. */
  updatedAt: string | null;
  group?: ShopwareCustomerGroup | null;
  salutation?: ShopwareSalutation | null;
  defaultBillingAddress?: ShopwareAddress | null;
  defaultShippingAddress?: ShopwareAddress | null;
  addresses?: ShopwareAddress[] | null;
  apiAlias: 'customer';
}

/** An error object of Shopware's error responses: `{ "errors": [ ... ] }`. */
export interface ShopwareError {
  status: string;
  code: string;
  title: string;
  detail: string | null;
  meta?: { parameters?: Record<string, unknown> | unknown[] };
  source?: { pointer: string };
}
