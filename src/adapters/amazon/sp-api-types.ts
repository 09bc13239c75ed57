/**
 * The Selling Partner API shapes the adapter and the simulator exchange, as Amazon's models define them
 * (selling-partner-api-models: ordersV0.json, tokens_2021-03-01.json, sellers.json). Every field Amazon
 * marks optional is optional here: orders arrive with whatever Amazon chose to fill in.
 */

export interface SpApiError {
  code: string;
  /** Amazon has been seen to send null here (an unreadable NextToken). */
  message: string | null;
  details?: string;
}

export interface SpApiErrorList {
  errors: SpApiError[];
}

/** Login with Amazon's answer to grant_type=refresh_token. */
export interface LwaTokenResponse {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
}

export interface LwaErrorResponse {
  error: string;
  error_description?: string;
}

export type DataElement = 'buyerInfo' | 'shippingAddress' | 'buyerTaxInformation';

export interface RestrictedResource {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  dataElements?: DataElement[];
}

export interface CreateRestrictedDataTokenRequest {
  targetApplication?: string;
  restrictedResources: RestrictedResource[];
}

export interface CreateRestrictedDataTokenResponse {
  restrictedDataToken: string;
  expiresIn: number;
}

export type OrderStatus =
  | 'PendingAvailability'
  | 'Pending'
  | 'Unshipped'
  | 'PartiallyShipped'
  | 'Shipped'
  | 'InvoiceUnconfirmed'
  | 'Canceled'
  | 'Unfulfillable';

export interface Money {
  CurrencyCode?: string;
  Amount?: string;
}

export interface SpAddress {
  Name: string;
  CompanyName?: string;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  City?: string;
  County?: string;
  District?: string;
  StateOrRegion?: string;
  Municipality?: string;
  PostalCode?: string;
  CountryCode?: string;
  Phone?: string;
  AddressType?: 'Residential' | 'Commercial';
}

export interface TaxClassification {
  Name?: string;
  Value?: string;
}

/** Brazil, Mexico and India business orders. */
export interface BuyerTaxInfo {
  CompanyLegalName?: string;
  TaxingRegion?: string;
  TaxClassifications?: TaxClassification[];
}

/** Turkey business orders (BuyerInvoicePreference BUSINESS); restricted data element buyerTaxInformation. */
export interface BuyerTaxInformation {
  BuyerLegalCompanyName?: string;
  BuyerBusinessAddress?: string;
  BuyerTaxRegistrationId?: string;
  BuyerTaxOffice?: string;
}

export interface BuyerInfo {
  /** The anonymized e-mail address of the buyer (…@marketplace.amazon.de), one per buyer and seller. */
  BuyerEmail?: string;
  BuyerName?: string;
  BuyerCounty?: string;
  BuyerTaxInfo?: BuyerTaxInfo;
  PurchaseOrderNumber?: string;
}

export interface SpOrder {
  AmazonOrderId: string;
  SellerOrderId?: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  OrderStatus: OrderStatus;
  FulfillmentChannel?: 'MFN' | 'AFN';
  SalesChannel?: string;
  ShipServiceLevel?: string;
  OrderTotal?: Money;
  NumberOfItemsShipped?: number;
  NumberOfItemsUnshipped?: number;
  PaymentMethod?: 'COD' | 'CVS' | 'Other';
  PaymentMethodDetails?: string[];
  MarketplaceId?: string;
  ShipmentServiceLevelCategory?: string;
  OrderType?: string;
  EarliestShipDate?: string;
  LatestShipDate?: string;
  EarliestDeliveryDate?: string;
  LatestDeliveryDate?: string;
  IsBusinessOrder?: boolean;
  IsPrime?: boolean;
  IsPremiumOrder?: boolean;
  IsGlobalExpressEnabled?: boolean;
  IsReplacementOrder?: boolean;
  IsSoldByAB?: boolean;
  IsIBA?: boolean;
  IsISPU?: boolean;
  IsAccessPointOrder?: boolean;
  DefaultShipFromLocationAddress?: SpAddress;
  BuyerInvoicePreference?: 'INDIVIDUAL' | 'BUSINESS';
  BuyerTaxInformation?: BuyerTaxInformation;
  ShippingAddress?: SpAddress;
  BuyerInfo?: BuyerInfo;
  AutomatedShippingSettings?: { HasAutomatedShippingSettings?: boolean };
  HasRegulatedItems?: boolean;
}

export interface OrdersList {
  Orders: SpOrder[];
  NextToken?: string;
  LastUpdatedBefore?: string;
  CreatedBefore?: string;
}

export interface GetOrdersResponse {
  payload?: OrdersList;
  errors?: SpApiError[];
}

export interface MarketplaceParticipation {
  marketplace: {
    id: string;
    name: string;
    countryCode: string;
    defaultCurrencyCode: string;
    defaultLanguageCode: string;
    domainName: string;
  };
  participation: { isParticipating: boolean; hasSuspendedListings: boolean };
}
