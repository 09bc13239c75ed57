/**
 * The simulator's web API routes, as Magento_Customer, Magento_Integration and (with B2B)
 * Magento_Company declare them in webapi.xml, each with the ACL resource a token needs:
 *   POST   /V1/integration/admin/token   anonymous                  -> the token as a JSON string
 *   GET    /V1/customers/search          Magento_Customer::customer -> { items, search_criteria, total_count }
 *   GET    /V1/customers/:customerId     Magento_Customer::customer
 *   POST   /V1/customers                 anonymous (createAccount)  body { customer, password? }
 *   POST   /V1/customers/                Magento_Customer::manage   body { customer }
 *   PUT    /V1/customers/:id             Magento_Customer::manage   body { customer }
 *   DELETE /V1/customers/:customerId     Magento_Customer::manage   -> true
 *   GET    /V1/company/:companyId        Magento_Company::index     (only with B2B)
 */
import type { ParsedQuery } from '../../adapters/http/query-string.ts';
import type { MagentoSearchResult } from '../../adapters/magento/magento-types.ts';
import { echoSearchCriteria, type InputLimits, parseSearchCriteria } from './simulator-criteria.ts';
import { invalidType, MagentoApiError, MESSAGES, noSuchEntity, required } from './simulator-errors.ts';
import type { PastLastPage } from './simulator-search.ts';
import type { MagentoStore } from './simulator-store.ts';

export interface RouteContext {
  store: MagentoStore;
  query: ParsedQuery;
  body: unknown;
  params: string[];
  limits: InputLimits;
  pastLastPage: PastLastPage;
  b2b: boolean;
  /** Issues an admin token for valid admin credentials (POST /V1/integration/admin/token). */
  adminToken(username: unknown, password: unknown): string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  /** ACL resource the token needs; 'anonymous' needs none. */
  resource: string;
  b2bOnly?: boolean;
  handle(context: RouteContext): unknown;
}

export const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/V1\/integration\/admin\/token$/,
    resource: 'anonymous',
    handle: ({ body, adminToken }) => {
      const data = record(body, 'username');
      return adminToken(data.username, data.password);
    },
  },
  {
    method: 'GET',
    pattern: /^\/V1\/customers\/search$/,
    resource: 'Magento_Customer::customer',
    handle: ({ store, query, limits, pastLastPage }) => {
      const criteria = parseSearchCriteria(query, limits);
      const result = store.search(criteria, pastLastPage);
      const response: MagentoSearchResult<unknown> = {
        items: result.items,
        search_criteria: echoSearchCriteria(criteria),
        total_count: result.totalCount,
      };
      return response;
    },
  },
  {
    method: 'GET',
    pattern: /^\/V1\/customers\/([^/]+)$/,
    resource: 'Magento_Customer::customer',
    handle: ({ store, params }) => {
      const id = idParam(params[0]);
      return store.get(id) ?? failWith(noSuchEntity('customerId', id));
    },
  },
  {
    method: 'POST',
    pattern: /^\/V1\/customers$/,
    resource: 'anonymous',
    handle: ({ store, body }) => store.create(record(body, 'customer').customer),
  },
  {
    method: 'POST',
    pattern: /^\/V1\/customers\/$/,
    resource: 'Magento_Customer::manage',
    handle: ({ store, body }) => store.create(record(body, 'customer').customer),
  },
  {
    method: 'PUT',
    pattern: /^\/V1\/customers\/([^/]+)$/,
    resource: 'Magento_Customer::manage',
    handle: ({ store, body, params }) => store.update(idParam(params[0]), record(body, 'customer').customer),
  },
  {
    method: 'DELETE',
    pattern: /^\/V1\/customers\/([^/]+)$/,
    resource: 'Magento_Customer::manage',
    handle: ({ store, params }) => {
      const id = idParam(params[0]);
      return store.delete(id) || failWith(noSuchEntity('customerId', id));
    },
  },
  {
    method: 'GET',
    pattern: /^\/V1\/company\/([^/]+)$/,
    resource: 'Magento_Company::index',
    b2bOnly: true,
    handle: ({ store, params }) => {
      const id = idParam(params[0]);
      return store.getCompany(id) ?? failWith(noSuchEntity('id', id));
    },
  },
];

/** The route for a method and a path below /rest[/<store code>], with its path parameters. */
export function findRoute(method: string, path: string, b2b: boolean): { route: Route; params: string[] } {
  for (const route of ROUTES) {
    if (route.method !== method || (route.b2bOnly && !b2b)) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map((part) => decodeURIComponent(part)) };
  }
  throw new MagentoApiError(404, MESSAGES.noRoute);
}

function idParam(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw invalidType(value ?? '', 'int');
  return Number(value);
}

function record(body: unknown, name: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw required(name);
  return body as Record<string, unknown>;
}

function failWith(error: MagentoApiError): never {
  throw error;
}
