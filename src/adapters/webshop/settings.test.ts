import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.ts';
import { readWebshopSettings } from './settings.ts';

const key = '0123456789abcdef0123456789abcdef';

describe('readWebshopSettings', () => {
  it('reads the synchronization data with defaults for page size and pace', () => {
    expect(readWebshopSettings({ shopName: ' Sklep B2B ', apiKey: key })).toEqual({
      shopName: 'Sklep B2B',
      apiKey: key,
      pageSize: 200,
      requestsPerSecond: 8,
    });
    expect(
      readWebshopSettings({ shopName: 's', apiKey: key, pageSize: '500', requestsPerSecond: '10' }),
    ).toMatchObject({
      pageSize: 500,
      requestsPerSecond: 10,
    });
  });

  it.each([
    [{ apiKey: key }, 'SETTING_MISSING', '"shopName"'],
    [{ shopName: 's' }, 'SETTING_MISSING', '"apiKey"'],
    [{ shopName: 's', apiKey: 'short-secret' }, 'SETTING_INVALID', 'synchronization key'],
    [{ shopName: 's', apiKey: key, pageSize: '501' }, 'SETTING_INVALID', 'from 1 to 500'],
    [{ shopName: 's', apiKey: key, requestsPerSecond: '12' }, 'SETTING_INVALID', "protocol's limit"],
    [{ shopName: '<shop>', apiKey: key }, 'SETTING_INVALID', 'webshop name'],
  ])('refuses %j with %s', (settings, code, text) => {
    const error = (() => {
      try {
        readWebshopSettings(settings);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(text);
    expect((error as Error).message).not.toContain('short-secret');
  });
});
