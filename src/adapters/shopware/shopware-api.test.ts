/** The Shopware API client against a fake shop: tokens and what messages may show. */
import { describe, expect, it } from 'vitest';
import { failure } from '../../../test/support/adapter-test-helpers.ts';
import { readShopwareSettings } from './settings.ts';
import { createShopwareApi } from './shopware-api.ts';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access-token';

describe('Shopware API client', () => {
  it('keeps the access token out of messages, also where the shop repeats it in an error', async () => {
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const api = createShopwareApi(
      'https://shop.test',
      readShopwareSettings({ clientId: 'SWIAX', clientSecret: 's3cret' }),
      {
        retry: { retries: 0, backoffBaseMs: 1 },
        fetch: async (input) =>
          String(input).endsWith('/api/oauth/token')
            ? json({ token_type: 'Bearer', expires_in: 600, access_token: TOKEN })
            : json(
                { errors: [{ status: '400', code: 'X', detail: `Bearer ${TOKEN} may not search.` }] },
                400,
              ),
      },
    );
    const error = (await failure(api.search('customer', { limit: 1 }))) as Error & { detail?: string };
    expect(error).toMatchObject({ code: 'CHANNEL_BAD_REQUEST' });
    expect(error.message).toContain('may not search');
    expect(`${error.message} ${error.detail ?? ''}`).not.toContain(TOKEN);
  });
});
