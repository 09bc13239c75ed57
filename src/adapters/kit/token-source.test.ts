/** The token source: caching, renewal before expiry, one request in flight, one retry on a refused token. */
import { describe, expect, it } from 'vitest';
import { AbortedError, AuthError, TransientError } from '../../domain/errors.ts';
import { createTokenSource, type IssuedToken, type TokenSourceOptions } from './token-source.ts';

function issuer(expiresInSeconds = 600) {
  let clock = 1_000_000;
  const requests: (AbortSignal | undefined)[] = [];
  const fetchToken = async (signal?: AbortSignal): Promise<IssuedToken> => {
    requests.push(signal);
    await Promise.resolve();
    if (signal?.aborted) throw new AbortedError('canceled');
    return { value: `token-${requests.length}`, expiresInSeconds };
  };
  return {
    requests,
    advance: (ms: number) => {
      clock += ms;
    },
    options: (extra: Partial<TokenSourceOptions> = {}): TokenSourceOptions => ({
      fetchToken,
      renewBeforeMs: 30_000,
      now: () => clock,
      ...extra,
    }),
  };
}

const refused = () => new AuthError('CHANNEL_AUTH_FAILED', 'The token was refused.');

describe('createTokenSource', () => {
  it('keeps a token until the margin before its expiry, then fetches a new one', async () => {
    const tokens = issuer(600);
    const source = createTokenSource(tokens.options());
    expect(await source.token()).toBe('token-1');
    tokens.advance(569_000);
    expect(await source.token()).toBe('token-1');
    tokens.advance(1_000);
    expect(await source.token()).toBe('token-2');
    expect(tokens.requests).toHaveLength(2);
  });

  it('takes the margin as a function of the lifetime', async () => {
    const tokens = issuer(100);
    const source = createTokenSource(tokens.options({ renewBeforeMs: (lifetime) => lifetime / 10 }));
    await source.token();
    tokens.advance(89_999);
    expect(await source.token()).toBe('token-1');
    tokens.advance(1);
    expect(await source.token()).toBe('token-2');
  });

  it('lets concurrent callers share one token request', async () => {
    const tokens = issuer();
    const source = createTokenSource(tokens.options());
    const values = await Promise.all([source.token(), source.token(), source.token()]);
    expect(values).toEqual(['token-1', 'token-1', 'token-1']);
    expect(tokens.requests).toHaveLength(1);
  });

  it('fetches anew for a caller whose shared request was stopped by another caller', async () => {
    const tokens = issuer();
    const source = createTokenSource(tokens.options());
    const stop = new AbortController();
    stop.abort();
    const [first, second] = await Promise.allSettled([source.token(stop.signal), source.token()]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 'token-2' });
  });

  it('tells every new token to onToken', async () => {
    const tokens = issuer();
    const seen: string[] = [];
    const source = createTokenSource(tokens.options({ onToken: (value) => seen.push(value) }));
    await source.token();
    source.invalidate();
    await source.token();
    expect(seen).toEqual(['token-1', 'token-2']);
  });

  it('repeats a refused call exactly once with a fresh token', async () => {
    const tokens = issuer();
    const source = createTokenSource(tokens.options());
    await source.token();
    const used: string[] = [];
    const result = await source.authorized(async (token) => {
      used.push(token);
      if (token === 'token-1') throw refused();
      return 'read';
    });
    expect(result).toBe('read');
    expect(used).toEqual(['token-1', 'token-2']);
  });

  it('throws the second refusal and does not retry other errors', async () => {
    const tokens = issuer();
    const source = createTokenSource(tokens.options());
    let calls = 0;
    const always = source.authorized(async () => {
      calls++;
      throw refused();
    });
    await expect(always).rejects.toBeInstanceOf(AuthError);
    expect(calls).toBe(2);
    calls = 0;
    const transient = source.authorized(async () => {
      calls++;
      throw new TransientError('CHANNEL_UNAVAILABLE', 'down');
    });
    await expect(transient).rejects.toBeInstanceOf(TransientError);
    expect(calls).toBe(1);
  });

  it('keeps a token another caller already renewed after a refusal', async () => {
    const tokens = issuer();
    const source = createTokenSource(tokens.options());
    await source.token();
    source.invalidate('token-1');
    await source.token();
    source.invalidate('token-1');
    expect(await source.token()).toBe('token-2');
    expect(tokens.requests).toHaveLength(2);
  });

  it('sends the token as a bearer header with withToken', async () => {
    const tokens = issuer();
    const source = createTokenSource(tokens.options());
    const headers = await source.withToken(async (h) => h);
    expect(headers).toEqual({ authorization: 'Bearer token-1' });
  });

  it('renews the token a refused one was issued with', async () => {
    const outer = issuer();
    const access = createTokenSource(outer.options());
    const inner = issuer();
    const restricted = createTokenSource(
      inner.options({
        issuedWith: access,
        fetchToken: async () => ({ value: `rdt-with-${await access.token()}`, expiresInSeconds: 600 }),
      }),
    );
    const used: string[] = [];
    await restricted.authorized(async (token) => {
      used.push(token);
      if (used.length === 1) throw refused();
    });
    expect(used).toEqual(['rdt-with-token-1', 'rdt-with-token-2']);
  });
});
