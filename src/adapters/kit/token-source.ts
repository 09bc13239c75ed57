/**
 * The bearer token source every token-based adapter runs on (client credentials, refresh token, a token
 * endpoint of its own): the adapter says how to obtain a token, the source keeps it, renews it shortly
 * before it expires, lets concurrent callers share one token request, and repeats a call exactly once with
 * a fresh token when the channel refuses the token it holds (an AuthError: 401 or 403).
 */
import { AbortedError, AuthError } from '../../domain/errors.ts';

export interface IssuedToken {
  value: string;
  /** The lifetime the issuer stated, in seconds. */
  expiresInSeconds: number;
}

export interface TokenSourceOptions {
  /** Obtains a new token (the adapter's token request). */
  fetchToken(signal?: AbortSignal): Promise<IssuedToken>;
  /** How long before its expiry a token is renewed: milliseconds, or a function of its lifetime in ms. */
  renewBeforeMs: number | ((lifetimeMs: number) => number);
  /** The clock (tests); default Date.now. */
  now?: () => number;
  /** Told every new token value (e.g. to add it to the secrets redacted from messages). */
  onToken?: (value: string) => void;
  /** The token this one was obtained with (an RDT's access token): renewed too when this one is refused. */
  issuedWith?: TokenSource;
}

export interface TokenSource {
  /** The current token, fetched when there is none or it is due for renewal. */
  token(signal?: AbortSignal): Promise<string>;
  /** Forgets the token `value` (or any token), so that the next `token()` fetches a new one. */
  invalidate(value?: string): void;
  /** Runs `call` with the token; when it fails with an AuthError, once more with a fresh token. */
  authorized<T>(call: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** `authorized` for a request that takes the token as its headers. */
  withToken<T>(request: (headers: Record<string, string>) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface HeldToken {
  value: string;
  renewAt: number;
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  let held: HeldToken | null = null;
  let inFlight: Promise<string> | null = null;

  const marginOf = (lifetimeMs: number): number =>
    typeof options.renewBeforeMs === 'number' ? options.renewBeforeMs : options.renewBeforeMs(lifetimeMs);

  async function fetchFresh(signal: AbortSignal | undefined): Promise<string> {
    const issued = await options.fetchToken(signal);
    const lifetimeMs = Math.max(0, issued.expiresInSeconds * 1000);
    options.onToken?.(issued.value);
    held = { value: issued.value, renewAt: now() + Math.max(0, lifetimeMs - marginOf(lifetimeMs)) };
    return issued.value;
  }

  async function token(signal?: AbortSignal): Promise<string> {
    if (held !== null && now() < held.renewAt) return held.value;
    if (inFlight === null) {
      const request = fetchFresh(signal).finally(() => {
        if (inFlight === request) inFlight = null;
      });
      inFlight = request;
    }
    try {
      return await inFlight;
    } catch (error) {
      // The shared request was stopped by its first caller's abort; this caller's signal is live: ask anew.
      if (error instanceof AbortedError && signal?.aborted !== true) return fetchFresh(signal);
      throw error;
    }
  }

  function invalidate(value?: string): void {
    if (held !== null && (value === undefined || held.value === value)) held = null;
  }

  async function authorized<T>(call: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const first = await token(signal);
    try {
      return await call(first);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      invalidate(first);
      options.issuedWith?.invalidate();
      return call(await token(signal));
    }
  }

  return {
    token,
    invalidate,
    authorized,
    withToken: (request, signal) =>
      authorized((value) => request({ authorization: `Bearer ${value}` }), signal),
  };
}
