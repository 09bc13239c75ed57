/**
 * Comarch SFA's server interface as Kontor defines it (docs/protocols/sfa.md): the B2B customers that sales
 * representatives enter on their devices, as the SFA server holds them after the devices synchronized.
 * Server times are UTC with milliseconds ("2025-03-02T13:05:09.120Z"); ids are UUIDs that the device
 * generates when a representative enters a customer (offline too).
 */

/** A sales representative as embedded in a customer. */
export interface SfaRepresentative {
  id: number;
  /** The representative's code, the same as the employee's code in the ERP (exported to SFA from there). */
  code: string;
  firstName: string;
  lastName: string;
}

export interface SfaAddress {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2, from the app's country list. */
  country: string | null;
}

export interface SfaDeliveryAddress extends SfaAddress {
  id: string;
  isDefault: boolean;
}

export interface SfaContactPerson {
  id: string;
  firstName: string | null;
  lastName: string | null;
  /** The person's position at the customer ("Purchasing Manager"). */
  position: string | null;
  email: string | null;
  phone: string | null;
}

export interface SfaCustomer {
  id: string;
  /** The customer's number in SFA ("K/2024/000123"). */
  number: string;
  /** Company name. */
  name: string | null;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
  /** The registered (main) address; also the billing address. */
  address: SfaAddress | null;
  deliveryAddresses: SfaDeliveryAddress[];
  contactPersons: SfaContactPerson[];
  /** The representative responsible for the customer now (a manager may reassign; null when unassigned). */
  owner: SfaRepresentative | null;
  /** The representative who entered the customer. */
  createdBy: SfaRepresentative | null;
  /** The device the customer was entered on. */
  deviceId: string | null;
  /** When the representative entered the customer, in the device's local time without offset (information only). */
  enteredAt: string | null;
  /** When the server received the customer (the device's synchronization). */
  createdAt: string;
  /** When the server last received a change (synchronization or back office). Drives paging. */
  modifiedAt: string;
}

/** GET /api/v1/customers and /api/v1/customers/ids */
export interface SfaListResponse<T> {
  data: T[];
  meta: { limit: number; hasMore: boolean };
}

/** Every error answer (the OAuth 2.0 error shape, for the data endpoints too). */
export interface SfaErrorBody {
  error: string;
  error_description: string;
}
