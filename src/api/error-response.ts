/**
 * Every error as `{ code, message, field? }` with the status of docs/api.md: by code first, then by the
 * KontorError kind. Schema validation errors are INVALID_INPUT naming the first failing field. Bugs answer a
 * generic message; their detail goes to the server log only.
 */
import type { FastifyError } from 'fastify';
import { asKontorError, type ErrorKind, KontorError } from '../domain/errors.ts';
import { fieldOf } from '../domain/field-error.ts';

export interface ErrorBodyValue {
  code: string;
  message: string;
  field?: string;
}

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  AUTH_REQUIRED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_HEADER_MISSING: 403,
  NOT_FOUND: 404,
  OLTP_UNKNOWN: 404,
  LOGIN_THROTTLED: 429,
  LOGIN_BUSY: 503,
};

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  config: 409,
  // Credentials a channel refused (CHANNEL_AUTH_FAILED): the channel's settings are wrong, not the caller's login.
  auth: 422,
  data: 422,
  transient: 503,
  bug: 500,
};

export function statusOf(error: KontorError): number {
  return STATUS_BY_CODE[error.code] ?? STATUS_BY_KIND[error.kind];
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** `/batch/queue` + a missing property -> `batch.queue`. */
function fieldOfIssue(issue: ValidationIssue): string {
  const parts = issue.instancePath.split('/').filter(Boolean);
  const missing = issue.params?.missingProperty;
  if (issue.keyword === 'required' && typeof missing === 'string') parts.push(missing);
  return parts.join('.');
}

function validationMessage(issue: ValidationIssue, field: string, where: string): string {
  const allowed = issue.params?.allowedValues;
  const detail = Array.isArray(allowed)
    ? `must be one of: ${allowed.join(', ')}`
    : (issue.message ?? 'is invalid');
  if (issue.keyword === 'required') return `${field} is required.`;
  return field === '' ? `The ${where} ${detail}.` : `${field} ${detail}.`;
}

const WHERE: Record<string, string> = {
  body: 'request body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/**
 * SQLSTATEs of values the database cannot take (numeric out of range, NUL in text, NUL in JSON, invalid text
 * for a type): input the schemas should have refused. A safety net: 400, with the detail in the server log.
 */
const INVALID_VALUE_STATES = new Set(['22003', '22021', '22P05', '22P02']);

function invalidValueState(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && INVALID_VALUE_STATES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Maps anything thrown by a route or hook to the status and the body to send. */
export function errorResponse(error: unknown) {
  const fastifyError = error as Partial<FastifyError> & { validation?: ValidationIssue[] };
  if (Array.isArray(fastifyError.validation) && fastifyError.validation.length > 0) {
    const issue = fastifyError.validation[0]!;
    const field = fieldOfIssue(issue);
    const where = WHERE[fastifyError.validationContext ?? 'body'] ?? 'request';
    const body: ErrorBodyValue = { code: 'INVALID_INPUT', message: validationMessage(issue, field, where) };
    if (field !== '') body.field = field;
    return { status: 400, body, internal: null };
  }
  if (!(error instanceof KontorError) && typeof fastifyError.statusCode === 'number') {
    const status = fastifyError.statusCode;
    if (status >= 400 && status < 500) {
      const code =
        status === 400
          ? 'INVALID_INPUT'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 404
                ? 'NOT_FOUND'
                : 'BAD_REQUEST';
      return { status, body: { code, message: fastifyError.message ?? 'Bad request.' }, internal: null };
    }
  }
  const sqlState = invalidValueState(error);
  if (sqlState) {
    const message = (error as { message?: unknown }).message;
    return {
      status: 400,
      body: { code: 'INVALID_INPUT', message: 'A value of the request is out of range or not valid.' },
      internal: `SQLSTATE ${sqlState} (a value the API should have refused): ${String(message ?? '')}`,
    };
  }
  const kontorError = asKontorError(error);
  const status = statusOf(kontorError);
  const body: ErrorBodyValue = { code: kontorError.code, message: kontorError.message };
  const field = fieldOf(kontorError);
  if (field) body.field = field;
  if (status >= 500) {
    return {
      status,
      body: kontorError.kind === 'bug' ? { code: 'INTERNAL', message: kontorError.message } : body,
      internal: kontorError.detail ?? `${kontorError.code}: ${kontorError.message}`,
    };
  }
  return { status, body, internal: null };
}
