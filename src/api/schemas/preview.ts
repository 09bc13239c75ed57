/** The preview of Import customers (docs/api.md "Preview"): what an import would do, per record. */
import { Type } from 'typebox';
import { PREVIEW_ACTIONS } from '../../import/preview-records.ts';
import { Nullable } from './common.ts';
import { ImportSettingsSchema } from './job.ts';

const Limit = Type.Optional(
  Type.Integer({ minimum: 1, maximum: 1000, description: 'records in this answer (default 100)' }),
);

export const PreviewBody = Type.Object({ application: ImportSettingsSchema, limit: Limit });
export const PreviewNextBody = Type.Object({ limit: Limit });
export const PreviewParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const FieldChange = Type.Object({
  field: Type.String(),
  from: Type.Unknown({ description: 'the stored partner value' }),
  to: Type.Unknown({ description: 'the value the import would write' }),
});

export const PreviewRecordSchema = Type.Object({
  externalId: Nullable(Type.String()),
  action: Type.Enum([...PREVIEW_ACTIONS]),
  changes: Type.Optional(Type.Array(FieldChange)),
  codes: Type.Optional(Type.Array(Type.String())),
});

export const PreviewCountsSchema = Type.Object({
  read: Type.Integer(),
  create: Type.Integer(),
  update: Type.Integer(),
  unchanged: Type.Integer(),
  awaiting: Type.Integer(),
  errors: Type.Integer(),
  skipped: Type.Integer(),
});

export const PreviewPageSchema = Type.Object({
  id: Nullable(
    Type.String({ description: 'POST /api/import-customers/preview/{id}/next gives more; null once done' }),
  ),
  done: Type.Boolean(),
  counts: PreviewCountsSchema,
  records: Type.Array(PreviewRecordSchema),
  emailsNotFound: Type.Optional(Type.Array(Type.String())),
});
