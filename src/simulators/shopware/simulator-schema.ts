/**
 * The entity definitions the simulator knows (fields with their DAL field kinds, associations with their
 * target entity) and how a field path ("addresses.country.iso") resolves on a stored record, as the DAL
 * joins it: a to-one association gives one row (null when missing), a to-many association one row per
 * related record, so a filter matches when any related record matches.
 */

import type { ShopwareAddress, ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { COUNTRY_LIST, CUSTOMER_GROUPS, findCountryState, SALUTATIONS } from './simulator-catalog.ts';
import { fail } from './simulator-errors.ts';

export type EntityName =
  | 'customer'
  | 'customer_address'
  | 'country'
  | 'country_state'
  | 'salutation'
  | 'customer_group';

export type FieldKind = 'id' | 'string' | 'bool' | 'int' | 'float' | 'date' | 'list' | 'json';

export interface Association {
  entity: EntityName;
  many: boolean;
  load(record: Record<string, unknown>): unknown;
}

interface Definition {
  fields: Readonly<Record<string, FieldKind>>;
  associations: Readonly<Record<string, Association>>;
}

const COUNTRIES_BY_ID = new Map(COUNTRY_LIST.map((country) => [country.id, country]));
const SALUTATIONS_BY_ID = new Map(Object.values(SALUTATIONS).map((item) => [item.id, item]));
const GROUPS_BY_ID = new Map(Object.values(CUSTOMER_GROUPS).map((item) => [item.id, item]));

const customerAddresses = (record: Record<string, unknown>): ShopwareAddress[] =>
  ((record as unknown as ShopwareCustomer).addresses ?? []) as ShopwareAddress[];

const addressById =
  (key: 'defaultBillingAddressId' | 'defaultShippingAddressId') => (record: Record<string, unknown>) =>
    customerAddresses(record).find((address) => address.id === record[key]) ?? null;

export const DEFINITIONS: Readonly<Record<EntityName, Definition>> = {
  customer: {
    fields: {
      id: 'id',
      groupId: 'id',
      defaultPaymentMethodId: 'id',
      salesChannelId: 'id',
      languageId: 'id',
      lastPaymentMethodId: 'id',
      defaultBillingAddressId: 'id',
      defaultShippingAddressId: 'id',
      customerNumber: 'string',
      salutationId: 'id',
      firstName: 'string',
      lastName: 'string',
      company: 'string',
      email: 'string',
      title: 'string',
      vatIds: 'list',
      affiliateCode: 'string',
      campaignCode: 'string',
      active: 'bool',
      doubleOptInRegistration: 'bool',
      doubleOptInEmailSentDate: 'date',
      doubleOptInConfirmDate: 'date',
      hash: 'string',
      guest: 'bool',
      firstLogin: 'date',
      lastLogin: 'date',
      accountType: 'string',
      birthday: 'date',
      lastOrderDate: 'date',
      orderCount: 'int',
      orderTotalAmount: 'float',
      reviewCount: 'int',
      customFields: 'json',
      tagIds: 'list',
      requestedGroupId: 'id',
      boundSalesChannelId: 'id',
      createdById: 'id',
      updatedById: 'id',
      createdAt: 'date',
      updatedAt: 'date',
    },
    associations: {
      group: {
        entity: 'customer_group',
        many: false,
        load: (r) => GROUPS_BY_ID.get(r.groupId as string) ?? null,
      },
      salutation: {
        entity: 'salutation',
        many: false,
        load: (r) => SALUTATIONS_BY_ID.get(r.salutationId as string) ?? null,
      },
      defaultBillingAddress: {
        entity: 'customer_address',
        many: false,
        load: addressById('defaultBillingAddressId'),
      },
      defaultShippingAddress: {
        entity: 'customer_address',
        many: false,
        load: addressById('defaultShippingAddressId'),
      },
      addresses: { entity: 'customer_address', many: true, load: customerAddresses },
    },
  },
  customer_address: {
    fields: {
      id: 'id',
      customerId: 'id',
      countryId: 'id',
      countryStateId: 'id',
      salutationId: 'id',
      firstName: 'string',
      lastName: 'string',
      zipcode: 'string',
      city: 'string',
      company: 'string',
      street: 'string',
      department: 'string',
      title: 'string',
      phoneNumber: 'string',
      additionalAddressLine1: 'string',
      additionalAddressLine2: 'string',
      customFields: 'json',
      createdAt: 'date',
      updatedAt: 'date',
    },
    associations: {
      country: {
        entity: 'country',
        many: false,
        load: (r) => COUNTRIES_BY_ID.get(r.countryId as string) ?? null,
      },
      countryState: {
        entity: 'country_state',
        many: false,
        load: (r) => (r.countryStateId ? (findCountryState(r.countryStateId as string) ?? null) : null),
      },
      salutation: {
        entity: 'salutation',
        many: false,
        load: (r) => SALUTATIONS_BY_ID.get(r.salutationId as string) ?? null,
      },
    },
  },
  country: {
    fields: {
      id: 'id',
      name: 'string',
      iso: 'string',
      iso3: 'string',
      active: 'bool',
      createdAt: 'date',
      updatedAt: 'date',
    },
    associations: {},
  },
  country_state: {
    fields: { id: 'id', countryId: 'id', shortCode: 'string', name: 'string' },
    associations: {},
  },
  salutation: {
    fields: { id: 'id', salutationKey: 'string', displayName: 'string', letterName: 'string' },
    associations: {},
  },
  customer_group: {
    fields: { id: 'id', name: 'string', displayGross: 'bool', registrationActive: 'bool' },
    associations: {},
  },
};

/** A field path without the entity prefix the DAL accepts ("customer.email" -> "email"). */
export function stripEntity(entity: EntityName, path: string): string {
  return path.startsWith(`${entity}.`) ? path.slice(entity.length + 1) : path;
}

/** The kind of the scalar field a path ends in; a 400 FRAMEWORK__UNMAPPED_FIELD for unknown paths. */
export function fieldKind(entity: EntityName, path: string): FieldKind {
  const parts = stripEntity(entity, path).split('.');
  let current: EntityName = entity;
  for (const [index, part] of parts.entries()) {
    const definition = DEFINITIONS[current];
    if (index === parts.length - 1 && part in definition.fields) return definition.fields[part] as FieldKind;
    const association = definition.associations[part];
    if (!association || index === parts.length - 1) break;
    current = association.entity;
  }
  return fail(
    400,
    'FRAMEWORK__UNMAPPED_FIELD',
    'Field "{{ field }}" in entity "{{ entity }}" was not found.',
    {
      field: parts.at(-1),
      entity: current,
    },
  );
}

/** The values a path has on a record: one per joined row (null where a to-one association is missing). */
export function valuesOf(entity: EntityName, record: Record<string, unknown>, path: string): unknown[] {
  const parts = stripEntity(entity, path).split('.');
  let rows: Array<Record<string, unknown> | null> = [record];
  let current: EntityName = entity;
  for (const part of parts.slice(0, -1)) {
    const association = DEFINITIONS[current].associations[part] as Association;
    rows = rows.flatMap((row) => {
      if (row === null) return [null];
      const related = association.load(row);
      if (association.many) {
        const list = related as Array<Record<string, unknown>>;
        return list.length === 0 ? [null] : list;
      }
      return [(related as Record<string, unknown> | null) ?? null];
    });
    current = association.entity;
  }
  const field = parts.at(-1) as string;
  return rows.map((row) => (row === null ? null : (row[field] ?? null)));
}

export function associationOf(entity: EntityName, name: string): Association {
  const association = DEFINITIONS[entity].associations[name];
  if (!association) {
    fail(400, 'FRAMEWORK__ASSOCIATION_NOT_FOUND', 'Can not find association by name {{ association }}', {
      association: name,
    });
  }
  return association;
}
