/**
 * The Selling Partner API calls the adapter makes, over the shared HTTP client:
 * - Login with Amazon: POST <tokenUrl> grant_type=refresh_token -> access token (3600 s);
 * - Tokens API: POST /tokens/2021-03-01/restrictedDataToken -> a restricted data token (RDT) that lets
 *   getOrders return buyers and shipping addresses (personal data);
 * - Orders API v0: GET /orders/v0/orders (getOrders), sent with the RDT;
 * - Sellers API: GET /sellers/v1/marketplaceParticipations (test connection).
 * Requests carry the token in x-amz-access-token (no AWS Signature Version 4: SP-API has not required it
 * since October 2023). Each operation has its own usage plan (rate and burst) that a token-bucket
 * throttle keeps to; a 429 empties the bucket. The LWA access token and the RDT are two token sources of the
 * kit: each renewed a tenth of its lifetime (at most five minutes) before it expires, and once more when
 * Amazon refuses it (403); a refused RDT renews the access token it was issued with too.
 */
import { AuthError, BugError, ConfigError, KontorError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import { hostOf, trimBaseUrl } from '../channel-url.ts';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
} from '../http/http-client.ts';
import { createTokenSource, type TokenSource } from '../kit/token-source.ts';
import { TURKEY_MARKETPLACE_ID } from './marketplaces.ts';
import type { AmazonSettings } from './settings.ts';
import type {
  CreateRestrictedDataTokenResponse,
  DataElement,
  LwaTokenResponse,
  MarketplaceParticipation,
  OrdersList,
} from './sp-api-types.ts';

/** HTTP options an adapter instance may set (tests: fast retries); auth, secrets and throttles are the API's. */
export type AmazonHttpOptions = Omit<
  HttpClientOptions,
  'secrets' | 'headers' | 'requestsPerSecond' | 'burst' | 'hints'
>;

export interface UsagePlan {
  /** Requests per second the bucket refills with. */
  rate: number;
  /** Requests the bucket holds. */
  burst: number;
}

export type Operation = 'getOrders' | 'createRestrictedDataToken' | 'getMarketplaceParticipations';

/** Amazon's default usage plans (rate per second, burst), from the API references. */
export const USAGE_PLANS: Readonly<Record<Operation, UsagePlan>> = {
  getOrders: { rate: 0.0167, burst: 20 },
  createRestrictedDataToken: { rate: 1, burst: 10 },
  getMarketplaceParticipations: { rate: 0.016, burst: 15 },
};

export const ORDERS_PATH = '/orders/v0/orders';
/** getOrders returns at most 100 orders per page. */
export const MAX_RESULTS_PER_PAGE = 100;

export interface GetOrdersQuery {
  marketplaceIds: readonly string[];
  lastUpdatedAfter: string;
  /** Omitted: Amazon picks the window's end and answers it in payload.LastUpdatedBefore. */
  lastUpdatedBefore?: string;
}

export interface SpApi {
  readonly host: string;
  /** The first page of getOrders for a window. */
  getOrders(query: GetOrdersQuery, signal?: AbortSignal): Promise<OrdersList>;
  /** A further page of getOrders. */
  getOrdersPage(
    marketplaceIds: readonly string[],
    nextToken: string,
    signal?: AbortSignal,
  ): Promise<OrdersList>;
  marketplaceParticipations(signal?: AbortSignal): Promise<MarketplaceParticipation[]>;
  /** Obtains (or reuses) the RDT for getOrders; throws when the application may not read buyer data. */
  authorizeBuyerData(signal?: AbortSignal): Promise<void>;
}

export interface SpApiOptions {
  http?: AmazonHttpOptions;
  usagePlans?: Partial<Record<Operation, UsagePlan>>;
}

const SP_API_AUTH_HINT =
  'Check that the seller has authorized the application (the refresh token), that the application has the role ' +
  '"Inventory and Order Tracking", and that the channel URL is the SP-API endpoint of the seller\'s region ' +
  '(https://sellingpartnerapi-eu.amazon.com, -na or -fe): Amazon also answers 403 for paths it does not have.';
const LWA_ADVICE =
  'Check the LWA client id and secret of the application; if the seller revoked the authorization or it expired, ' +
  'authorize the application again and set the new refresh token.';
const RDT_ADVICE =
  "Amazon hides buyers' e-mail addresses, names and shipping addresses from applications without the restricted " +
  'roles "Direct-to-Consumer Shipping" and "Tax Invoicing" (or "Tax Remittance"); request them for the application ' +
  'in the Solution Provider Portal or Seller Central and authorize it again.';

/** A token is renewed a tenth of its lifetime before it expires, at most five minutes before. */
const renewBefore = (lifetimeMs: number): number => Math.min(300_000, lifetimeMs / 10);
/** The lifetime of a token whose answer states none (LWA and RDT tokens live an hour). */
const DEFAULT_LIFETIME_SECONDS = 3600;

export function createSpApi(url: string, settings: AmazonSettings, options: SpApiOptions = {}): SpApi {
  const base = trimBaseUrl(url);
  const host = hostOf(base);
  const now = options.http?.now ?? Date.now;
  const plans = { ...USAGE_PLANS, ...options.usagePlans };
  // Every access token and RDT joins the secrets, so that no message shows one.
  const secrets = [settings.clientSecret, settings.refreshToken];
  const keepSecret = (token: string): void => {
    secrets.push(token);
  };
  const clientFor = (plan: UsagePlan | null, authHint = SP_API_AUTH_HINT): HttpClient =>
    createHttpClient({
      ...options.http,
      secrets,
      requestsPerSecond: plan?.rate ?? null,
      burst: plan?.burst,
      hints: {
        auth: authHint,
        notFound: "Check that the channel URL is the SP-API endpoint of the seller's region.",
      },
    });
  const lwa = clientFor(null, LWA_ADVICE);
  const clients: Record<Operation, HttpClient> = {
    getOrders: clientFor(plans.getOrders),
    createRestrictedDataToken: clientFor(plans.createRestrictedDataToken),
    getMarketplaceParticipations: clientFor(plans.getMarketplaceParticipations),
  };
  const dataElements: DataElement[] = ['buyerInfo', 'shippingAddress'];
  if (settings.marketplaceIds.includes(TURKEY_MARKETPLACE_ID)) dataElements.push('buyerTaxInformation');

  /** The LWA access token (Sellers API, Tokens API). */
  const accessTokens = createTokenSource({
    fetchToken: async (signal) => {
      const body = await lwaTokenRequest(signal);
      return { value: body.access_token, expiresInSeconds: lifetimeOf(body.expires_in) };
    },
    renewBeforeMs: renewBefore,
    now,
    onToken: keepSecret,
  });
  /** The restricted data token for getOrders, issued with the LWA access token (renewed with it when refused). */
  const restrictedTokens = createTokenSource({
    fetchToken: async (signal) => {
      const body = await restrictedTokenRequest(signal);
      return { value: body.restrictedDataToken, expiresInSeconds: lifetimeOf(body.expiresIn) };
    },
    renewBeforeMs: renewBefore,
    now,
    onToken: keepSecret,
    issuedWith: accessTokens,
  });

  async function lwaTokenRequest(signal?: AbortSignal): Promise<LwaTokenResponse> {
    let body: Partial<LwaTokenResponse> | null;
    try {
      const response = await lwa.request({
        method: 'POST',
        url: settings.tokenUrl,
        form: {
          grant_type: 'refresh_token',
          refresh_token: settings.refreshToken,
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
        },
        signal,
      });
      body = response.body as Partial<LwaTokenResponse> | null;
    } catch (error) {
      // 400 invalid_grant (revoked or wrong refresh token), 401 invalid_client (wrong client id or secret);
      // the 401's message has the advice already (the client's auth hint).
      if (error instanceof KontorError && (error.kind === 'config' || error.kind === 'auth')) {
        const advice = error.kind === 'auth' ? '' : ` ${LWA_ADVICE}`;
        throw new AuthError(
          'AMAZON_LWA_REFUSED',
          `Login with Amazon refused the token request: ${error.message}${advice}`,
          { detail: error.detail },
        );
      }
      throw error;
    }
    if (!body || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new BugError(
        'AMAZON_UNEXPECTED_RESPONSE',
        `${hostOf(settings.tokenUrl)} answered the token request without an access token.`,
      );
    }
    return body as LwaTokenResponse;
  }

  async function restrictedTokenRequest(signal?: AbortSignal): Promise<CreateRestrictedDataTokenResponse> {
    let body: Partial<CreateRestrictedDataTokenResponse> | null;
    try {
      body = (await call(
        'createRestrictedDataToken',
        {
          method: 'POST',
          url: `${base}/tokens/2021-03-01/restrictedDataToken`,
          json: { restrictedResources: [{ method: 'GET', path: ORDERS_PATH, dataElements }] },
          signal,
        },
        accessTokens,
      )) as Partial<CreateRestrictedDataTokenResponse> | null;
    } catch (error) {
      if (error instanceof ConfigError && error.code === 'CHANNEL_BAD_REQUEST') {
        throw new ConfigError('AMAZON_RESTRICTED_DATA_DENIED', `${error.message} ${RDT_ADVICE}`, {
          detail: error.detail,
        });
      }
      throw error;
    }
    if (!body || typeof body.restrictedDataToken !== 'string' || body.restrictedDataToken === '') {
      throw new BugError(
        'AMAZON_UNEXPECTED_RESPONSE',
        `${host} answered the restricted data token request without a token.`,
      );
    }
    return body as CreateRestrictedDataTokenResponse;
  }

  /** One SP-API request with a token of `tokens` (a refused one, 403, is renewed once by the token source). */
  function call(operation: Operation, request: HttpRequest, tokens: TokenSource): Promise<unknown> {
    return tokens.authorized(async (value) => {
      const response = await clients[operation].request({
        ...request,
        headers: { 'x-amz-access-token': value },
      });
      return response.body;
    }, request.signal);
  }

  async function ordersRequest(
    query: Record<string, string | number>,
    signal?: AbortSignal,
  ): Promise<OrdersList> {
    const body = (await call(
      'getOrders',
      { url: `${base}${ORDERS_PATH}`, query, signal },
      restrictedTokens,
    )) as {
      payload?: Partial<OrdersList>;
    } | null;
    const payload = body?.payload;
    if (!payload || !Array.isArray(payload.Orders)) {
      throw new BugError(
        'AMAZON_UNEXPECTED_RESPONSE',
        `${host} answered getOrders with something that is not an order list.`,
        {
          detail: `GET ${ORDERS_PATH}: ${maskedExcerpt(body, secrets)}`,
        },
      );
    }
    return payload as OrdersList;
  }

  return {
    host,
    getOrders(query, signal) {
      return ordersRequest(
        {
          MarketplaceIds: query.marketplaceIds.join(','),
          LastUpdatedAfter: query.lastUpdatedAfter,
          ...(query.lastUpdatedBefore ? { LastUpdatedBefore: query.lastUpdatedBefore } : {}),
          MaxResultsPerPage: MAX_RESULTS_PER_PAGE,
        },
        signal,
      );
    },
    getOrdersPage(marketplaceIds, nextToken, signal) {
      return ordersRequest({ MarketplaceIds: marketplaceIds.join(','), NextToken: nextToken }, signal);
    },
    async marketplaceParticipations(signal) {
      const body = (await call(
        'getMarketplaceParticipations',
        { url: `${base}/sellers/v1/marketplaceParticipations`, signal },
        accessTokens,
      )) as { payload?: unknown } | null;
      if (!Array.isArray(body?.payload)) {
        throw new BugError(
          'AMAZON_UNEXPECTED_RESPONSE',
          `${host} answered getMarketplaceParticipations without a list.`,
        );
      }
      return body.payload as MarketplaceParticipation[];
    },
    async authorizeBuyerData(signal) {
      await restrictedTokens.token(signal);
    },
  };
}

/** The lifetime an answer states (seconds), at least one second; an hour when it states none. */
function lifetimeOf(seconds: unknown): number {
  return Math.max(1, Number(seconds) || DEFAULT_LIFETIME_SECONDS);
}
