/** The ERP partner master record and its status/type vocabulary. */
export type PartnerType = 'B2B' | 'B2C';
export type PartnerStatus = 'Blocked' | 'Released';

export interface PartnerAddress {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  region: string | null;
  defaultBilling: boolean;
  defaultShipping: boolean;
}

export interface PartnerContact {
  name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
}

export interface PartnerLink {
  channel: string;
  externalId: string;
  importedAt: string;
  deletedAt: string | null;
  active: boolean;
}

/** The partner JSON of DESIGN.md section 5 (`kontor partners list --json`). */
export interface Partner {
  number: string;
  type: PartnerType;
  status: PartnerStatus;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  taxId: string | null;
  phones: string[];
  websites: string[];
  addresses: PartnerAddress[];
  contacts: PartnerContact[];
  salesTaxClassification: string | null;
  salesRepresentative: string | null;
  links: PartnerLink[];
  /** A merged partner: the number of the partner it was merged into (docs/import-rules.md "Merging"). */
  mergedInto: string | null;
}
