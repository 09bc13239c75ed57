/**
 * The errors the simulator answers with, as Shopware's ErrorResponseFactory renders them:
 * `{ "errors": [ { status, code, title, detail, meta: { parameters } } ] }`. Shopware's own exceptions
 * carry a code like FRAMEWORK__QUERY_LIMIT_EXCEEDED and fill {{ placeholders }} of their message from the
 * parameters; errors of a search request point at the offending part (`source.pointer`, "/limit");
 * OAuth errors (league/oauth2-server) carry the library's numeric code, its message as title and its hint
 * as detail.
 */
import type { ShopwareError } from '../../adapters/shopware/shopware-types.ts';

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export class ShopwareApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ShopwareError[],
  ) {
    super(errors[0]?.detail ?? errors[0]?.title ?? `HTTP ${status}`);
    this.name = 'ShopwareApiError';
  }

  body(): { errors: ShopwareError[] } {
    return { errors: this.errors };
  }
}

/** A ShopwareHttpException: `template` with {{ name }} placeholders filled from `parameters`. */
export function shopwareError(
  status: number,
  code: string,
  template: string,
  parameters: Record<string, unknown> = {},
  pointer?: string,
): ShopwareError {
  const detail = template.replace(/\{\{ (\w+) \}\}/g, (whole, name: string) =>
    name in parameters ? String(parameters[name]) : whole,
  );
  const error: ShopwareError = {
    status: String(status),
    code,
    title: STATUS_TITLES[status] ?? 'unknown status',
    detail,
    meta: { parameters },
  };
  if (pointer !== undefined) error.source = { pointer };
  return error;
}

export function fail(
  status: number,
  code: string,
  template: string,
  parameters?: Record<string, unknown>,
): never {
  throw new ShopwareApiError(status, [shopwareError(status, code, template, parameters)]);
}

/** An exception without a Shopware code (Symfony's HTTP exceptions): code "0", the status text as title. */
export function plainError(status: number, detail: string): ShopwareApiError {
  return new ShopwareApiError(status, [
    { code: '0', status: String(status), title: STATUS_TITLES[status] ?? 'unknown status', detail },
  ]);
}

/** league/oauth2-server's OAuthServerException as Shopware renders it. */
export function oauthError(
  status: number,
  code: number,
  message: string,
  hint: string | null,
): ShopwareApiError {
  return new ShopwareApiError(status, [
    { code: String(code), status: String(status), title: message, detail: hint },
  ]);
}

export const OAUTH = {
  accessDenied: (hint: string) =>
    oauthError(401, 9, 'The resource owner or authorization server denied the request.', hint),
  invalidClient: () => oauthError(401, 4, 'Client authentication failed', null),
  invalidGrant: () =>
    oauthError(
      400,
      10,
      'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      null,
    ),
  invalidRequest: (parameter: string) =>
    oauthError(
      400,
      3,
      'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
      `Check the \`${parameter}\` parameter`,
    ),
  unsupportedGrantType: () =>
    oauthError(
      400,
      2,
      'The authorization grant type is not supported by the authorization server.',
      'Check that all required parameters have been provided',
    ),
  invalidCredentials: () => oauthError(400, 6, 'The user credentials were incorrect.', null),
};
