import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.ts';
import { readIbusSettings } from './settings.ts';

const valid = { clientId: 'LIC-1', clientSecret: 'cs-secret', username: 'kontor', password: 'pw-secret' };

describe('readIbusSettings', () => {
  it('reads the credentials with the defaults', () => {
    expect(readIbusSettings(valid)).toEqual({ ...valid, pageSize: 200, requestsPerSecond: 10 });
  });

  it.each([
    [{ ...valid, clientSecret: ' ' }, 'SETTING_MISSING', '"clientSecret"'],
    [{ ...valid, username: '' }, 'SETTING_MISSING', '"username"'],
    [{ ...valid, pageSize: '501' }, 'SETTING_INVALID', 'a whole number from 1 to 500'],
    [{ ...valid, requestsPerSecond: '20' }, 'SETTING_INVALID', "at most 10 (the bus's limit per client)"],
    [{ ...valid, requestsPerSecond: '-1' }, 'SETTING_INVALID', 'a positive number'],
  ])('refuses %# with %s', (settings, code, text) => {
    const error = (() => {
      try {
        readIbusSettings(settings);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(text);
    expect((error as Error).message).not.toMatch(/cs-secret|pw-secret/);
  });
});
