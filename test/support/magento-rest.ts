/** A tiny Magento REST client for tests: reads and changes customers in the simulator the way a shop admin would. */
export interface RawMagentoAddress {
  id?: number;
  street: string[];
  city: string;
  postcode: string;
  country_id: string;
  telephone?: string;
  company?: string;
  vat_id?: string;
  firstname?: string;
  lastname?: string;
  region?: { region: string | null; region_code: string | null; region_id: number };
  default_billing?: boolean;
  default_shipping?: boolean;
}

export interface RawMagentoCustomer {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  taxvat?: string;
  created_at: string;
  updated_at: string;
  default_billing?: string;
  default_shipping?: string;
  addresses: RawMagentoAddress[];
  extension_attributes?: { company_attributes?: Record<string, unknown> };
  [key: string]: unknown;
}

export class MagentoRest {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/rest/V1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** Every customer, by id. */
  async all(): Promise<RawMagentoCustomer[]> {
    const customers: RawMagentoCustomer[] = [];
    for (let page = 1; ; page++) {
      const query = `searchCriteria[pageSize]=100&searchCriteria[currentPage]=${page}&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=ASC`;
      const result = await this.call<{ items: RawMagentoCustomer[]; total_count: number }>(
        'GET',
        `/customers/search?${query}`,
      );
      customers.push(...result.items);
      if (customers.length >= result.total_count || result.items.length === 0) return customers;
    }
  }

  get(id: number): Promise<RawMagentoCustomer> {
    return this.call('GET', `/customers/${id}`);
  }

  /** Changes a customer like the admin would: the full customer goes back with the changes. */
  async change(
    id: number,
    changes: (customer: RawMagentoCustomer) => RawMagentoCustomer,
  ): Promise<RawMagentoCustomer> {
    const customer = await this.get(id);
    return this.call('PUT', `/customers/${id}`, { customer: changes(customer) });
  }

  create(
    customer: Omit<RawMagentoCustomer, 'id' | 'created_at' | 'updated_at'>,
  ): Promise<RawMagentoCustomer> {
    return this.call('POST', '/customers', { customer });
  }
}
