/**
 * The errors the simulator answers with, worded like Magento's web API: the message keeps its
 * placeholders (%name or %1) and the values travel in `parameters`, as Magento renders exceptions
 * (Magento\Framework\Webapi\ErrorProcessor).
 */
import type { MagentoErrorBody } from '../../adapters/magento/magento-types.ts';

export class MagentoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameters?: Record<string, unknown> | unknown[],
    readonly errors?: MagentoErrorBody['errors'],
  ) {
    super(message);
    this.name = 'MagentoApiError';
  }

  body(): MagentoErrorBody {
    const body: MagentoErrorBody = { message: this.message };
    if (this.parameters !== undefined) body.parameters = this.parameters;
    if (this.errors !== undefined) body.errors = this.errors;
    return body;
  }
}

export const MESSAGES = {
  notAuthorized: "The consumer isn't authorized to access %resources.",
  noRoute: 'Request does not match any route.',
  noSuchEntity: 'No such entity with %fieldName = %fieldValue',
  required: '"%fieldName" is required. Enter and try again.',
  notSupported: '"%fieldName" is not supported. Correct the field name and try again.',
  invalidType: 'The "%value" value\'s type is invalid. The "%type" type was expected. Verify and try again.',
  invalidAttribute: 'Invalid attribute name: %1',
  sortDirection: 'The sort order has to be specified as %1 for ascending order or %2 for descending order.',
  maxPageSize: 'Maximum SearchCriteria pageSize is %max',
  invalidFieldValue: 'Invalid value of "%value" provided for the %fieldName field.',
  inputExceptions: 'One or more input exceptions have occurred.',
  emailExists: 'A customer with the same email address already exists in an associated website.',
  signIn:
    'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
  storeNotFound: "The store that was requested wasn't found. Verify the store and try again.",
  internal: 'Internal Error. Details are available in Magento log file. Report ID: webapi-%1',
  tooManyRequests: 'Too Many Requests',
  decoding: 'Decoding error: %1',
} as const;

export const notAuthorized = (resource: string): MagentoApiError =>
  new MagentoApiError(401, MESSAGES.notAuthorized, { resources: resource });

export const noSuchEntity = (fieldName: string, fieldValue: unknown): MagentoApiError =>
  new MagentoApiError(404, MESSAGES.noSuchEntity, { fieldName, fieldValue });

export const required = (fieldName: string): MagentoApiError =>
  new MagentoApiError(400, MESSAGES.required, { fieldName });

export const invalidType = (value: unknown, type: string): MagentoApiError =>
  new MagentoApiError(400, MESSAGES.invalidType, { value: String(value), type });
