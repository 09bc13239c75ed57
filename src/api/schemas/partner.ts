/** Cockpit: Sales channel partners (the partner JSON of DESIGN.md 5). */
import { Type } from 'typebox';
import { MAX_INTEGER, Nullable, Timestamp } from './common.ts';

const Text = Nullable(Type.String());

export const PartnerSchema = Type.Object({
  number: Type.String(),
  type: Type.Enum(['B2B', 'B2C']),
  status: Type.Enum(['Blocked', 'Released']),
  name: Type.String(),
  firstName: Text,
  lastName: Text,
  email: Text,
  company: Text,
  taxId: Text,
  phones: Type.Array(Type.String()),
  websites: Type.Array(Type.String()),
  addresses: Type.Array(
    Type.Object({
      street: Text,
      postalCode: Text,
      city: Text,
      country: Text,
      region: Text,
      defaultBilling: Type.Boolean(),
      defaultShipping: Type.Boolean(),
    }),
  ),
  contacts: Type.Array(Type.Object({ name: Type.String(), function: Text, email: Text, phone: Text })),
  salesTaxClassification: Text,
  salesRepresentative: Text,
  links: Type.Array(
    Type.Object({
      channel: Type.String(),
      externalId: Type.String(),
      importedAt: Timestamp,
      deletedAt: Nullable(Timestamp),
      active: Type.Boolean(),
    }),
  ),
  mergedInto: Text,
});

export const PartnerQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  channel: Type.Optional(Type.String({ maxLength: 80 })),
  type: Type.Optional(Type.Enum(['B2B', 'B2C'])),
  status: Type.Optional(Type.Enum(['Blocked', 'Released'])),
  deleted: Type.Optional(Type.Enum(['yes', 'no'])),
  merged: Type.Optional(Type.Enum(['include', 'only'])),
  run: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INTEGER })),
  job: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  // No default: an offset given with `after` is refused (INVALID_INPUT, field offset).
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_INTEGER,
      description: 'Skip this many matches (default 0): fine for the first pages; far back, use `after`.',
    }),
  ),
  after: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description:
        'Keyset paging, the cheap way to page far: only partners whose number sorts after this one (the `next` ' +
        'of the previous page), as fast far back as on the first page. Not with `offset`; `total` then counts ' +
        'the matches after it.',
    }),
  ),
});

export const PartnerPage = Type.Object({
  /** How many partners match (with `after`: after it); more than this many when totalExact is false. */
  total: Type.Integer({
    description: 'How many partners match; with `after`, how many match after it (this page and the rest)',
  }),
  /** false: the search counted 1,000 matches past the page and stopped (total is then a lower bound). */
  totalExact: Type.Boolean({ description: 'false: total is a lower bound ("more than")' }),
  items: Type.Array(PartnerSchema),
  next: Nullable(
    Type.String({
      description: "The next page's `after` (this page's last number) when more partners match, else null",
    }),
  ),
});

export const PartnerParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) });

/** One changed field of a partner's history (`kontor partners show --history --json`). */
export const HistoryEntrySchema = Type.Object({
  at: Timestamp,
  by: Text,
  run: Type.Optional(Type.Integer()),
  action: Type.Enum(['import', 'status', 'merge', 'link']),
  field: Type.String(),
  from: Type.Unknown(),
  to: Type.Unknown(),
  partner: Type.Optional(Type.String()),
});

export const PartnerHistory = Type.Object({ number: Type.String(), history: Type.Array(HistoryEntrySchema) });

export const PartnerMergeSchema = Type.Object({
  kept: Type.String(),
  removed: Type.String(),
  at: Timestamp,
  by: Type.String(),
  moved: Type.Object({ links: Type.Integer(), addresses: Type.Integer(), contacts: Type.Integer() }),
});

export const MergeBody = Type.Object({
  keep: Type.String({ minLength: 1, maxLength: 40 }),
  remove: Type.String({ minLength: 1, maxLength: 40 }),
});
