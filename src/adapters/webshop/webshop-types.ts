/**
 * Comarch ERP Webshop protocol 17 as Kontor defines it (docs/protocols/webshop.md): the JSON the webshop's
 * ERP export sends. Protocol 17 exports business (B2B) customers only: companies with their employees and
 * several billing and delivery addresses. Lists may come as null (the webshop's serializer writes empty
 * lists that way).
 */

/** The protocol version this adapter speaks. */
export const WEBSHOP_PROTOCOL = 17;

/** GET /api/erp/protocol: what the webshop speaks (no authentication). */
export interface WebshopProtocolInfo {
  product: string;
  /** The webshop release, e.g. "2024.3.1". */
  version: string;
  /** The ERP protocol versions the webshop speaks, e.g. [15, 17]. */
  protocols: number[];
  /** Whether the webshop sells to businesses (protocol 17 exports only business customers). */
  b2b: boolean;
}

export type WebshopPhoneType = 'phone' | 'mobile' | 'fax';

export interface WebshopPhone {
  type: WebshopPhoneType;
  number: string;
}

export interface WebshopAddress {
  id: number;
  /** The recipient line (company or person). */
  name: string | null;
  street: string | null;
  /** Second address line (floor, building, c/o), or null. */
  street2: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2 as the webshop's country list gives it. */
  countryCode: string | null;
  phone: string | null;
  isBilling: boolean;
  isDelivery: boolean;
  isDefaultBilling: boolean;
  isDefaultDelivery: boolean;
}

export interface WebshopEmployee {
  id: number;
  firstName: string | null;
  lastName: string | null;
  /** Job title as entered in the company's account ("Einkauf", "Kierownik zakupów"). */
  position: string | null;
  email: string | null;
  phone: string | null;
  /** The employee who registered the company account (the account owner); exactly one per company. */
  isMain: boolean;
  /** Employees blocked by the company's administrator cannot log in any more. */
  active: boolean;
}

/** A business customer (company account). Times in the webshop's zone with offset and milliseconds. */
export interface WebshopCustomer {
  id: number;
  deleted: false;
  /** Company name. */
  name: string | null;
  /** Tax identification number (NIP / VAT id) as entered, with the country prefix for EU VAT ids. */
  tin: string | null;
  /** The company account's e-mail (its login). */
  email: string | null;
  phones: WebshopPhone[] | null;
  addresses: WebshopAddress[] | null;
  employees: WebshopEmployee[] | null;
  createdAt: string;
  modifiedAt: string;
}

/** A deleted customer account; kept by the webshop for `tombstoneRetentionDays` (90 by default). */
export interface WebshopTombstone {
  id: number;
  deleted: true;
  deletedAt: string;
  modifiedAt: string;
}

export type WebshopChange = WebshopCustomer | WebshopTombstone;

/** GET /api/erp/customers */
export interface WebshopCustomerPage {
  protocol: number;
  items: unknown[];
  hasMore: boolean;
}

/** Every error answer of the protocol. */
export interface WebshopErrorBody {
  code: string;
  message: string;
  /** Only with PROTOCOL_VERSION_UNSUPPORTED / PROTOCOL_VERSION_MISSING. */
  supportedProtocols?: number[];
  traceId?: string;
}
