/** Schemas every area uses: the error body, nullable values, ids in paths. */
import { type Static, type TSchema, Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'stable error code, e.g. INVALID_INPUT, NOT_FOUND, JOB_NOT_EDITABLE' }),
    message: Type.String({ description: 'for people: what is wrong and what to do' }),
    field: Type.Optional(
      Type.String({ description: 'the input field that is wrong, as a dotted path (batch.queue)' }),
    ),
  },
  { description: 'Every error of the API has this body.' },
);

/** Error answers of every route (4xx and 5xx): the error body. */
export const errorResponses = {
  '4xx': ErrorBody,
  '5xx': ErrorBody,
} as const;

/**
 * The schema or null, as `nullable: true` (OpenAPI 3.0, understood by Ajv and the serializer). Not anyOf
 * [schema, null]: Ajv's type coercion would turn a null into "" in the first branch.
 */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
}

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' });

/** Ids, limits and offsets stay within the integers a JSON number holds exactly (and a bigint column takes). */
export const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

/** An id in a path: 1 to 2^53 - 1 (a larger one is invalid input, not a database error). */
export const Id = (description = 'id') => Type.Integer({ minimum: 1, maximum: MAX_INTEGER, description });

export const IdParams = Type.Object({ id: Id() });

export const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) });

export const NoContent = Type.Null({ description: 'no content' });

export const Ok = Type.Object({ ok: Type.Literal(true) });
