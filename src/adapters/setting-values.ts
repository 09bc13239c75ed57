/**
 * Reading typed values from a channel's string settings, with ConfigErrors that name the adapter, the
 * setting and what was expected. Never used for secrets' values in messages: callers pass only
 * non-secret keys to the functions that quote the value.
 */
import { type ConfigError, SettingError } from '../domain/errors.ts';

export type Settings = Readonly<Record<string, string>>;

export interface SettingReader {
  /** Trimmed text; '' when missing. */
  text(key: string): string;
  /** Trimmed text, or a SETTING_MISSING error naming `what`. */
  required(key: string, what: string): string;
  integer(key: string, min: number, max: number): number | null;
  positiveNumber(key: string): number | null;
  boolean(key: string): boolean;
  /** One of `choices` (case-insensitive), or null when empty. */
  choice<T extends string>(key: string, choices: readonly T[]): T | null;
  /** The SETTING_MISSING error for `key`, saying `what` it is for. */
  missing(key: string, what: string): ConfigError;
  /** The SETTING_INVALID error for `key` (quotes `value` unless `secret`: a secret is never repeated). */
  invalid(key: string, value: string, expected: string, secret?: boolean): ConfigError;
}

/** The labels of an adapter's settings by key ("pageSize" -> "Page size"), as its fields declare them. */
export type SettingLabels = Readonly<Record<string, string>>;

/**
 * A setting as messages name it: by its label as the web UI shows it, with the key that the CLI's
 * `--setting key=value` and the API take: `Page size ("pageSize")`; only the key when there is no label.
 */
export function settingName(key: string, labels: SettingLabels = {}): string {
  const label = labels[key];
  return label && label !== key ? `${label} ("${key}")` : `"${key}"`;
}

/** The SETTING_MISSING error: the adapter's channel needs the setting `key` (`what` it is for). */
export function missingSetting(
  adapterLabel: string,
  key: string,
  what: string,
  labels: SettingLabels = {},
): ConfigError {
  return new SettingError(
    'SETTING_MISSING',
    key,
    `The ${adapterLabel} channel needs the setting ${settingName(key, labels)}: ${what}.`,
  );
}

/**
 * The SETTING_INVALID error for a set value that is not what the setting expects, saying what is allowed
 * (`secret`: the value is not repeated).
 */
export function invalidSetting(
  adapterLabel: string,
  key: string,
  value: string,
  expected: string,
  secret = false,
  labels: SettingLabels = {},
): ConfigError {
  const name = settingName(key, labels);
  return new SettingError(
    'SETTING_INVALID',
    key,
    secret
      ? `The ${adapterLabel} setting ${name} is not valid; expected ${expected}.`
      : `The ${adapterLabel} setting ${name} is "${value}"; expected ${expected}.`,
  );
}

export function settingReader(
  adapterLabel: string,
  settings: Settings,
  labels: SettingLabels = {},
): SettingReader {
  const text = (key: string): string => settings[key]?.trim() ?? '';
  const invalid = (key: string, value: string, expected: string, secret = false): ConfigError =>
    invalidSetting(adapterLabel, key, value, expected, secret, labels);
  const missing = (key: string, what: string): ConfigError => missingSetting(adapterLabel, key, what, labels);
  return {
    text,
    invalid,
    missing,
    required(key, what) {
      const value = text(key);
      if (value === '') throw missing(key, what);
      return value;
    },
    integer(key, min, max) {
      const value = text(key);
      if (value === '') return null;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max)
        throw invalid(key, value, `a whole number from ${min} to ${max}`);
      return number;
    },
    positiveNumber(key) {
      const value = text(key);
      if (value === '') return null;
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0) throw invalid(key, value, 'a positive number');
      return number;
    },
    boolean(key) {
      const value = text(key).toLowerCase();
      if (value === '' || ['false', '0', 'no', 'off'].includes(value)) return false;
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      throw invalid(key, value, 'true or false');
    },
    choice<T extends string>(key: string, choices: readonly T[]): T | null {
      const value = text(key);
      if (value === '') return null;
      const found = choices.find((item) => item.toLowerCase() === value.toLowerCase());
      if (!found) throw invalid(key, value, `one of ${choices.join(', ')}`);
      return found;
    },
  };
}
