/**
 * Reading adapter settings (strings, as a channel stores them) into typed values, with a ConfigError that
 * names the adapter, the setting and what was expected. Secrets are never put into a message: callers
 * only read non-secret settings with these.
 */
import { ConfigError } from '../domain/errors.ts';

export type Settings = Readonly<Record<string, string>>;

export class SettingReader {
  /** `adapter` is the name in messages: "The Magento setting ...". */
  constructor(
    private readonly adapter: string,
    private readonly settings: Settings,
  ) {}

  /** Trimmed text; '' when unset. */
  text(key: string): string {
    return (this.settings[key] ?? '').trim();
  }

  /** A whole number from min to max, or null when unset. */
  integer(key: string, min: number, max: number): number | null {
    const value = this.text(key);
    if (value === '') return null;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max)
      throw this.invalid(key, value, `a whole number from ${min} to ${max}`);
    return number;
  }

  /** A positive number, or null when unset. */
  positive(key: string): number | null {
    const value = this.text(key);
    if (value === '') return null;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) throw this.invalid(key, value, 'a positive number');
    return number;
  }

  /** true/false (also 1/0, yes/no, on/off); unset = false. */
  boolean(key: string): boolean {
    const value = this.text(key).toLowerCase();
    if (value === '' || ['false', '0', 'no', 'off'].includes(value)) return false;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    throw this.invalid(key, value, 'true or false');
  }

  invalid(key: string, value: string, expected: string): ConfigError {
    return new ConfigError(
      'SETTING_INVALID',
      `The ${this.adapter} setting "${key}" is "${value}"; expected ${expected}.`,
    );
  }

  missing(key: string, what: string): ConfigError {
    return new ConfigError(
      'SETTING_MISSING',
      `The ${this.adapter} channel needs the setting "${key}" (${what}).`,
    );
  }
}
