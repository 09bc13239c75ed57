/**
 * The shapes of Magento 2 / Adobe Commerce REST data as the web API renders them (service contracts
 * Magento\Customer\Api\Data\CustomerInterface, AddressInterface, RegionInterface; B2B
 * Magento\Company\Api\Data\CompanyInterface). Magento leaves out a field whose getter returns null and
 * is declared nullable, so most fields are optional. Ids are numbers except the customer's
 * default_billing / default_shipping (address ids as strings); dates are UTC "YYYY-MM-DD HH:MM:SS".
 */
export interface MagentoRegion {
  region_code: string | null;
  region: string | null;
  region_id: number;
}

export interface MagentoAddress {
  id?: number;
  customer_id?: number;
  region?: MagentoRegion;
  region_id?: number;
  country_id?: string;
  street?: string[];
  company?: string;
  telephone?: string;
  fax?: string;
  postcode?: string;
  city?: string;
  firstname?: string;
  lastname?: string;
  middlename?: string;
  prefix?: string;
  suffix?: string;
  vat_id?: string;
  /** Present (true) only on the default shipping address. */
  default_shipping?: boolean;
  /** Present (true) only on the default billing address. */
  default_billing?: boolean;
}

export interface MagentoCompanyAttributes {
  customer_id?: number;
  /** 0 = not a company user. */
  company_id?: number;
  /** 0 inactive, 1 active. */
  status?: number;
  job_title?: string;
  telephone?: string;
}

export interface MagentoCustomerExtension {
  company_attributes?: MagentoCompanyAttributes;
  is_subscribed?: boolean;
  [key: string]: unknown;
}

export interface MagentoCustomer {
  id?: number;
  group_id?: number;
  /** Id of the default billing address, as a string. */
  default_billing?: string;
  /** Id of the default shipping address, as a string. */
  default_shipping?: string;
  confirmation?: string;
  created_at?: string;
  updated_at?: string;
  created_in?: string;
  dob?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  middlename?: string;
  prefix?: string;
  suffix?: string;
  /** 0 not specified, 1 male, 2 female. */
  gender?: number;
  store_id?: number;
  taxvat?: string;
  website_id?: number;
  addresses?: MagentoAddress[];
  disable_auto_group_change?: number;
  extension_attributes?: MagentoCustomerExtension;
  custom_attributes?: Array<{ attribute_code: string; value: unknown }>;
}

/** Adobe Commerce B2B company (GET /V1/company/:companyId). */
export interface MagentoCompany {
  id: number;
  /** 0 pending approval, 1 approved, 2 rejected, 3 blocked. */
  status: number;
  company_name: string;
  legal_name?: string;
  company_email: string;
  vat_tax_id?: string;
  reseller_id?: string;
  comment?: string;
  street: string[];
  city: string;
  country_id: string;
  region?: string;
  region_id?: number;
  postcode: string;
  telephone: string;
  customer_group_id: number;
  sales_representative_id: number;
  super_user_id: number;
  reject_reason?: string;
  rejected_at?: string;
  extension_attributes?: Record<string, unknown>;
}

export interface MagentoFilter {
  field: string;
  value?: string;
  condition_type?: string;
}

export interface MagentoSortOrder {
  field: string;
  direction?: string;
}

/** SearchCriteriaInterface as Magento echoes it in search results. */
export interface MagentoSearchCriteria {
  filter_groups: Array<{ filters: MagentoFilter[] }>;
  sort_orders?: MagentoSortOrder[];
  page_size?: number;
  current_page?: number;
}

export interface MagentoSearchResult<T> {
  items: T[];
  search_criteria: MagentoSearchCriteria;
  total_count: number;
}

/** The body of every Magento web API error. `message` keeps %placeholders; values are in `parameters`. */
export interface MagentoErrorBody {
  message: string;
  parameters?: Record<string, unknown> | unknown[];
  errors?: Array<{ message: string; parameters?: Record<string, unknown> | unknown[] }>;
}
