/**
 * Readers for adapter settings (the strings a channel stores), each throwing a ConfigError that names the
 * adapter and the setting. Secrets are never put into a message.
 */
import { ConfigError } from '../../domain/errors.ts';

export interface SettingReaders {
  /** A required text (trimmed); `what` says what it is for the message. */
  required(settings: Readonly<Record<string, string>>, key: string, what: string): string;
  /** A whole number in [min, max], or null when not set. */
  integer(settings: Readonly<Record<string, string>>, key: string, min: number, max: number): number | null;
  /** A positive number, or null when not set. */
  positive(settings: Readonly<Record<string, string>>, key: string): number | null;
  /** The error for a set value that is not what the setting expects (`secret`: do not repeat the value). */
  invalid(key: string, value: string, expected: string, secret?: boolean): ConfigError;
}

export function settingReaders(adapterName: string): SettingReaders {
  const invalid = (key: string, value: string, expected: string, secret = false): ConfigError =>
    new ConfigError(
      'SETTING_INVALID',
      secret
        ? `The ${adapterName} setting "${key}" is not valid; expected ${expected}.`
        : `The ${adapterName} setting "${key}" is "${value}"; expected ${expected}.`,
    );
  return {
    required(settings, key, what) {
      const value = (settings[key] ?? '').trim();
      if (value === '') {
        throw new ConfigError(
          'SETTING_MISSING',
          `The ${adapterName} channel needs the setting "${key}" (${what}).`,
        );
      }
      return value;
    },
    integer(settings, key, min, max) {
      const text = settings[key]?.trim() ?? '';
      if (text === '') return null;
      const value = Number(text);
      if (!Number.isInteger(value) || value < min || value > max)
        throw invalid(key, text, `a whole number from ${min} to ${max}`);
      return value;
    },
    positive(settings, key) {
      const text = settings[key]?.trim() ?? '';
      if (text === '') return null;
      const value = Number(text);
      if (!Number.isFinite(value) || value <= 0) throw invalid(key, text, 'a positive number');
      return value;
    },
    invalid,
  };
}

/** The channel's URL without trailing slashes. */
export function trimBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The host of a URL for messages ("shop.example.com:8443"); the text itself if it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
