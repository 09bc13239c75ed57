/**
 * The IBUS customer feed as Kontor's IBUS protocol v1 defines it (docs/protocols/ibus.md): customers that
 * sales representatives entered or edited in Comarch Mobile and synchronized to the bus, and tombstones of
 * deleted customers, in one feed ordered by (changedAt, id). Fields may be missing or null on the wire;
 * the mapping checks every one.
 */

/** Communication entry of a customer: phone, mobile and fax numbers, website addresses. */
export interface IbusCommunication {
  type: 'phone' | 'mobile' | 'fax' | 'url';
  value: string;
}

export type IbusAddressType = 'main' | 'invoice' | 'delivery' | 'correspondence';

export interface IbusAddress {
  id: number;
  type: IbusAddressType;
  /** Street and house number, as entered ("Hauptstraße 12"). */
  street: string;
  /** Apartment, floor, building; null when not entered. */
  street2: string | null;
  postalCode: string | null;
  city: string;
  /** ISO 3166-1 alpha-2, as the ERP's country list has it. */
  countryCode: string;
  region: string | null;
}

export interface IbusContactPerson {
  id: number;
  firstName: string | null;
  lastName: string;
  /** The position (occupation) from the ERP's Occupations application, e.g. "Purchasing Manager". */
  occupation: string | null;
  email: string | null;
  phone: string | null;
}

/** Sales tax classification codes of protocol v1. */
export const IBUS_TAX_CLASSIFICATIONS = ['DOMESTIC', 'EU', 'THIRD_COUNTRY'] as const;
export type IbusTaxClassification = (typeof IBUS_TAX_CLASSIFICATIONS)[number];

export interface IbusSalesRepresentative {
  /** The representative's code (the ERP employee's number). */
  code: string;
  name: string;
}

export interface IbusCustomer {
  /** Assigned by the bus when the customer is synchronized: "K-000123". */
  id: string;
  /** When the bus received the last change (ISO 8601 UTC with milliseconds). */
  changedAt: string;
  deleted: false;
  /** When the customer was entered on the device. */
  createdAt: string;
  /** Acronym (customer code) in Comarch Mobile. */
  code: string;
  /** Full name of the customer (the company's name). */
  name: string;
  /** The person behind the business (owner, sole trader), if entered. */
  firstName: string | null;
  lastName: string | null;
  /** Tax identification number (VAT id), if entered. */
  tin: string | null;
  email: string | null;
  communication: IbusCommunication[];
  addresses: IbusAddress[];
  contactPersons: IbusContactPerson[];
  salesTaxClassification: IbusTaxClassification | null;
  salesRepresentative: IbusSalesRepresentative | null;
  /** The Comarch Mobile device that entered the customer. */
  deviceId: string;
}

/** A deleted customer: a change at its deletion time. */
export interface IbusTombstone {
  id: string;
  changedAt: string;
  deleted: true;
}

export type IbusFeedEntry = IbusCustomer | IbusTombstone;

/** GET /api/v1/customers */
export interface IbusFeedPage {
  items: unknown[];
  hasMore: boolean;
}

/** POST /api/v1/auth/token */
export interface IbusTokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
}

/** GET /api/v1/info */
export interface IbusInfo {
  busVersion: string;
  protocol: number;
  customers: number;
}

/** Every error answer. */
export interface IbusErrorBody {
  code: string;
  message: string;
  requestId: string;
}
