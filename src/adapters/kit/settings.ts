/**
 * One settings declaration per adapter: the fields (the SettingField[] the UI and the OpenAPI document
 * show) and the parser that reads them, with the shared field definitions.
 */
import type { SettingField } from '../adapter.ts';
import { type SettingReader, type Settings, settingReader } from '../setting-values.ts';

export interface SettingsDeclaration<S> {
  readonly fields: readonly SettingField[];
  /** Reads and validates a channel's settings; throws a ConfigError naming the setting. */
  parse(settings: Settings): S;
}

/** `label` names the adapter in messages ("The Magento channel needs ..."). */
export function declareSettings<S>(
  label: string,
  fields: readonly SettingField[],
  parse: (read: SettingReader) => S,
): SettingsDeclaration<S> {
  // Messages name a setting by its label as the web UI shows it, with its key ("Page size ("pageSize")").
  const labels = Object.fromEntries(fields.map((field) => [field.key, field.label]));
  return { fields, parse: (settings) => parse(settingReader(label, settings, labels)) };
}

/** The `pageSize` field: customers per request, 1 to `max`. */
export function pageSizeField(defaultSize: number, description: string): SettingField {
  return {
    key: 'pageSize',
    label: 'Page size',
    type: 'number',
    required: false,
    description,
    default: String(defaultSize),
  };
}

/** The `pageSize` value: 1 to `max`, else `defaultSize`. */
export function readPageSize(read: SettingReader, max: number, defaultSize: number): number {
  return read.integer('pageSize', 1, max) ?? defaultSize;
}

const RATE_DESCRIPTION = 'Upper limit of requests Kontor sends per second (for shops behind a rate limit).';

/** The `requestsPerSecond` field; `defaultRate` for channels with a protocol limit. */
export function requestsPerSecondField(
  description: string = RATE_DESCRIPTION,
  defaultRate?: number,
): SettingField {
  return {
    key: 'requestsPerSecond',
    label: 'Requests per second',
    type: 'number',
    required: false,
    description,
    ...(defaultRate === undefined ? {} : { default: String(defaultRate) }),
  };
}

/** The `requestsPerSecond` value of a channel without a protocol limit: null (unthrottled) when not set. */
export function readOptionalRequestsPerSecond(read: SettingReader): number | null {
  return read.positiveNumber('requestsPerSecond');
}

/** The `requestsPerSecond` value, at most `limit` (the protocol's, named `limitName` in the message). */
export function readRequestsPerSecond(
  read: SettingReader,
  defaultRate: number,
  limit: number,
  limitName: string,
): number {
  const rate = read.positiveNumber('requestsPerSecond') ?? defaultRate;
  if (rate > limit) throw read.invalid('requestsPerSecond', String(rate), `at most ${limit} (${limitName})`);
  return rate;
}
