/**
 * One-line declarations of an adapter's setting fields (the SettingField[] that the UI and the OpenAPI
 * document show): a setting the channel needs, and an optional one with the default the parser applies.
 */
import type { SettingField } from '../adapter.ts';

/** A setting the channel cannot work without. */
export function requiredField(
  key: string,
  label: string,
  type: SettingField['type'],
  description: string,
): SettingField {
  return { key, label, type, required: true, description };
}

/** A setting the channel may leave empty; `fallback` is what the parser takes then (shown as the default). */
export function optionalField(
  key: string,
  label: string,
  type: SettingField['type'],
  description: string,
  fallback?: string,
): SettingField {
  return {
    key,
    label,
    type,
    required: false,
    description,
    ...(fallback === undefined ? {} : { default: fallback }),
  };
}
