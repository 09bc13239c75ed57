/**
 * The Kontor Retail POS protocol (docs/protocols/retail-pos.md): what a Comarch Retail POS head office
 * exposes about the customers its stores registered. JSON, camelCase, instants in ISO 8601 with an offset.
 */

export interface PosAddress {
  /** Street and house/flat number as typed at the till ("ul. Marszałkowska 12/4"). */
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string | null;
}

export interface PosLoyaltyCard {
  /** EAN-13 printed on the card. */
  cardNumber: string;
  status: 'active' | 'blocked' | 'replaced';
  issuedAt: string;
  /** The store that issued the card. */
  storeId: string;
}

export interface PosCustomer {
  /** The head office's customer number: stable for the customer's life, whatever cards it gets. */
  customerId: string;
  /** "inactive": blocked at the till (reversible); the customer still exists. */
  status: 'active' | 'inactive';
  type: 'person' | 'company';
  firstName: string | null;
  lastName: string | null;
  /** Company customers (invoices with tax id at the till). */
  companyName: string | null;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  mobilePhone: string | null;
  address: PosAddress | null;
  loyaltyCards: PosLoyaltyCard[];
  registeredIn: { storeId: string; storeName: string };
  marketingConsent: boolean;
  /** When the customer was registered, in the store's local time with its offset. */
  createdAt: string;
  /** When the head office last changed the customer (UTC, milliseconds). Customers and their cards. */
  modifiedAt: string;
}

/** A customer deleted or anonymized (GDPR) at the head office. */
export interface PosDeletedCustomer {
  customerId: string;
  deletedAt: string;
  reason: 'deleted' | 'anonymized';
}

/** The keyset position after a page: pass it back as afterModifiedAt / afterCustomerId. */
export interface PosPosition {
  modifiedAt: string;
  customerId: string;
}

export interface PosCustomersResponse {
  customers: unknown[];
  deletedCustomers: unknown[];
  /** After this page's last entry; null when the page is empty. */
  next: PosPosition | null;
}

export interface PosStore {
  storeId: string;
  name: string;
  city: string;
  countryCode: string;
  timeZone: string;
}

export interface PosInfo {
  headOffice: { code: string; name: string };
  apiVersion: string;
  /** Customers the head office has (not deleted). */
  customers: number;
  stores: number;
  rateLimit: { requestsPerSecond: number };
}
