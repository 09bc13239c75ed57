import { describe, expect, it } from 'vitest';
import { errorFromWire, errorToWire } from './error-wire.ts';
import { AuthError, BugError, ConfigError, DataError, SettingError, TransientError } from './errors.ts';

describe('errors across a thread', () => {
  it('keep their kind, class, code, message, detail and the wait a shop asked for', () => {
    const errors = [
      new ConfigError('MAGENTO_NOT_FOUND', 'No shop at this URL.', { detail: 'GET /rest 404' }),
      new SettingError('SETTING_INVALID', 'pageSize', 'The page size must be a number.'),
      new AuthError('MAGENTO_AUTH', 'The token was refused.'),
      new TransientError('SHOP_BUSY', 'The shop is busy.', { retryAfterSeconds: 30 }),
      new DataError('BROKEN_PAGE', 'The page could not be read.'),
      new BugError('INTERNAL', 'An internal error occurred.', { detail: 'TypeError: x is undefined' }),
    ];
    for (const error of errors) {
      const back = errorFromWire(structuredClone(errorToWire(error)));
      expect(back.kind).toBe(error.kind);
      expect([back.code, back.message, back.detail]).toEqual([error.code, error.message, error.detail]);
    }
    const [config, setting, auth, transient, data, bug] = errors.map((e) => errorFromWire(errorToWire(e)));
    expect(config).toBeInstanceOf(ConfigError);
    expect(setting).toBeInstanceOf(ConfigError);
    expect(auth).toBeInstanceOf(AuthError);
    expect(transient).toBeInstanceOf(TransientError);
    expect((transient as TransientError).retryAfterSeconds).toBe(30);
    expect(data).toBeInstanceOf(DataError);
    expect(bug).toBeInstanceOf(BugError);
  });

  it('turn anything else into an internal error whose detail says what it was', () => {
    const back = errorFromWire(errorToWire(new RangeError('offset out of range')));
    expect(back).toBeInstanceOf(BugError);
    expect(back.code).toBe('INTERNAL');
    expect(back.detail).toBe('RangeError: offset out of range');
  });
});
