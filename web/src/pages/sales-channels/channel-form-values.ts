/**
 * The sales channel form: values, from a stored channel, to the API's ChannelInput / ChannelUpdate
 * (secrets only when typed: an empty secret keeps the stored one), and the checks before saving.
 */
import type {
  AdapterInfo,
  ChannelInput,
  ChannelType,
  ChannelUpdate,
  MatchRule,
  PublicChannel,
} from '../../api/channels.ts';
import { translate } from '../../i18n/translate.ts';

export interface ChannelFormValues {
  name: string;
  adapter: string | null;
  type: ChannelType | null;
  url: string;
  settings: Record<string, string>;
  customerApproval: boolean;
  usePseudoPartner: boolean;
  pseudoPartnerNumber: string;
  /** Matching rules in their order (none: every customer without a link gets a new partner). */
  matchRules: MatchRule[];
  /** Stored optional secrets to remove on save. */
  clearSecrets: string[];
}

export type ChannelErrors = Record<string, string>;

export function emptyChannel(): ChannelFormValues {
  return {
    name: '',
    adapter: null,
    type: null,
    url: '',
    settings: {},
    customerApproval: false,
    usePseudoPartner: false,
    pseudoPartnerNumber: '',
    matchRules: [],
    clearSecrets: [],
  };
}

/** Defaults of the adapter's settings (a new channel, or a new adapter chosen). */
export function settingDefaults(adapter: AdapterInfo): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of adapter.settings)
    values[field.key] = field.default ?? (field.type === 'boolean' ? 'false' : '');
  return values;
}

export function channelValues(channel: PublicChannel, adapter: AdapterInfo | null): ChannelFormValues {
  const settings = adapter ? settingDefaults(adapter) : {};
  for (const [key, value] of Object.entries(channel.settings)) settings[key] = value;
  for (const key of channel.secretsSet) settings[key] = '';
  return {
    name: channel.name,
    adapter: channel.adapter,
    type: channel.type,
    url: channel.url,
    settings,
    customerApproval: channel.customerApproval,
    usePseudoPartner: channel.usePseudoPartner,
    pseudoPartnerNumber: channel.pseudoPartnerNumber ?? '',
    matchRules: [...channel.matchRules],
    clearSecrets: [],
  };
}

/** The B2C tab (pseudo partner) applies to channels with B2C customers; the B2B tab to those with B2B. */
export const hasB2c = (type: ChannelType | null) => type === 'b2c' || type === 'b2b-b2c';
export const hasB2b = (type: ChannelType | null) => type === 'b2b' || type === 'b2b-b2c';

/** The form always sends the settings (PUT may leave them out; the new channel of toInput must have them). */
export function toUpdate(
  values: ChannelFormValues,
  adapter: AdapterInfo,
): ChannelUpdate & Pick<ChannelInput, 'settings'> {
  const settings: Record<string, string> = {};
  for (const field of adapter.settings) {
    const value = (values.settings[field.key] ?? '').trim();
    if (field.type === 'secret' && (value === '' || values.clearSecrets.includes(field.key))) continue;
    if (value === '' && !field.required) continue;
    settings[field.key] = value;
  }
  const pseudo = hasB2c(values.type) && values.usePseudoPartner ? values.pseudoPartnerNumber.trim() : '';
  return {
    name: values.name.trim(),
    type: values.type ?? 'b2c',
    url: values.url.trim(),
    settings,
    customerApproval: hasB2b(values.type) && values.customerApproval,
    pseudoPartnerNumber: pseudo === '' ? null : pseudo,
    matchRules: values.matchRules,
    ...(values.clearSecrets.length > 0 ? { clearSecrets: values.clearSecrets } : {}),
  };
}

export function toInput(values: ChannelFormValues, adapter: AdapterInfo): ChannelInput {
  const { clearSecrets: _, ...update } = toUpdate(values, adapter);
  return { ...update, adapter: adapter.kind };
}

export function validateChannel(
  values: ChannelFormValues,
  adapter: AdapterInfo | null,
  secretsSet: readonly string[],
): ChannelErrors {
  const errors: ChannelErrors = {};
  if (values.name.trim() === '')
    errors.name = translate('common.required', { label: translate('common.name') });
  if (!adapter) errors.adapter = translate('channel.selectAdapter');
  if (!values.type) errors.type = translate('channel.selectType');
  const url = values.url.trim();
  if (url === '') errors.url = translate('common.required', { label: 'URL' });
  else if (!/^https?:\/\/\S+$/i.test(url)) errors.url = translate('channel.urlRule');
  for (const field of adapter?.settings ?? []) {
    const value = (values.settings[field.key] ?? '').trim();
    const stored = field.type === 'secret' && secretsSet.includes(field.key);
    if (field.required && value === '' && !stored)
      errors[`settings.${field.key}`] = translate('common.required', { label: field.label });
    if (field.type === 'number' && value !== '' && Number.isNaN(Number(value)))
      errors[`settings.${field.key}`] = translate('channel.mustBeNumber', { label: field.label });
  }
  if (hasB2c(values.type) && values.usePseudoPartner && values.pseudoPartnerNumber.trim() === '')
    errors.pseudoPartnerNumber = translate('channel.pseudoRequired');
  return errors;
}

/**
 * Whether an edit moves the URL to another origin (scheme, host, port): then the server keeps no stored secret,
 * they must be entered again (docs/security.md). A URL that does not parse counts as unchanged (it is refused).
 */
export function originChanged(before: string, after: string): boolean {
  try {
    return new URL(before.trim()).origin !== new URL(after.trim()).origin;
  } catch {
    return false;
  }
}
