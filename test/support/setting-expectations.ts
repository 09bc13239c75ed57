/** What a settings test expects of a refused value: SETTING_INVALID, and the channel's secret in no message. */
import { expect } from 'vitest';

export function expectInvalidSetting(read: () => unknown, secret: string): void {
  expect(read).toThrow(
    expect.objectContaining({ code: 'SETTING_INVALID', message: expect.not.stringContaining(secret) }),
  );
}
