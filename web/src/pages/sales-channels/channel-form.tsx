/**
 * Create or edit a sales channel: name, adapter (on create only), type (what the adapter serves), URL,
 * the adapter's settings, the B2B tab (Customer approval), the B2C tab (Use pseudo partner, Pseudo partner) and
 * the Matching tab (the rules by which customers without a link match existing partners).
 */
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { type AdapterInfo, CHANNEL_TYPE_LABELS, type ChannelType } from '../../api/channels.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { AdapterSettingsFields } from './adapter-settings-fields.tsx';
import {
  type ChannelErrors,
  type ChannelFormValues,
  hasB2b,
  hasB2c,
  originChanged,
  settingDefaults,
  validateChannel,
} from './channel-form-values.ts';
import { MatchRulesField } from './match-rules-field.tsx';

interface ChannelFormProps {
  adapters: AdapterInfo[];
  initial: ChannelFormValues;
  creating: boolean;
  secretsSet: readonly string[];
  onSave: (values: ChannelFormValues, adapter: AdapterInfo) => Promise<void>;
  onCancel: () => void;
  /** Told every change of the values (Test connection beside the form tests them). */
  onValuesChange?: (values: ChannelFormValues, adapter: AdapterInfo | null) => void;
}

export function ChannelForm(props: ChannelFormProps) {
  const t = useT();
  const { adapters, initial, creating, secretsSet, onSave, onCancel, onValuesChange } = props;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ChannelErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [tab, setTab] = useState<string>('settings');
  const [busy, setBusy] = useState(false);
  // Another host keeps no stored secret (docs/security.md): they count as not set until entered again.
  const reenter = !creating && originChanged(initial.url, values.url);
  const keptSecrets = reenter ? [] : secretsSet;
  const adapter = adapters.find((a) => a.kind === values.adapter) ?? null;
  const types = adapter?.capabilities.channelTypes ?? (['b2c', 'b2b', 'b2b-b2c'] as ChannelType[]);
  useEffect(() => onValuesChange?.(values, adapter), [values, adapter, onValuesChange]);

  function change(patch: Partial<ChannelFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  }

  function chooseAdapter(kind: string | null) {
    const next = adapters.find((a) => a.kind === kind) ?? null;
    const type =
      next && values.type && next.capabilities.channelTypes.includes(values.type) ? values.type : null;
    change({
      adapter: kind,
      type:
        type ??
        (next?.capabilities.channelTypes.length === 1 ? (next.capabilities.channelTypes[0] ?? null) : null),
      settings: next ? settingDefaults(next) : {},
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(null);
    const found = validateChannel(values, adapter, keptSecrets);
    setErrors(found);
    if (Object.keys(found).length > 0 || !adapter) {
      if (Object.keys(found).some((key) => key.startsWith('settings.'))) setTab('settings');
      else if (found.pseudoPartnerNumber) setTab('b2c');
      return;
    }
    setBusy(true);
    try {
      await onSave(values, adapter);
    } catch (error) {
      if (error instanceof ApiError && error.field) {
        setErrors({ [error.field]: error.message });
        if (error.field.startsWith('settings.')) setTab('settings');
      } else setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {general}
          </Alert>
        )}
        <Fieldset legend={t('settings.channel')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t('common.name')}
              withAsterisk
              value={values.name}
              onChange={(e) => change({ name: e.currentTarget.value })}
              error={errors.name}
              data-testid="channel-name"
            />
            <Select
              label={t('channel.adapter')}
              withAsterisk
              placeholder={t('channel.selectShopSystem')}
              data={adapters.map((a) => ({ value: a.kind, label: a.label }))}
              searchable
              disabled={!creating}
              description={creating ? undefined : t('channel.adapterFixed')}
              value={values.adapter}
              onChange={chooseAdapter}
              error={errors.adapter}
              data-testid="channel-adapter"
            />
            <Select
              label={t('channel.type')}
              withAsterisk
              data={types.map((type) => ({ value: type, label: CHANNEL_TYPE_LABELS[type] }))}
              value={values.type}
              onChange={(type) => change({ type: type as ChannelType | null })}
              error={errors.type}
              description={
                adapter && types.length === 1
                  ? t('channel.typeOnly', {
                      adapter: adapter.label,
                      type: CHANNEL_TYPE_LABELS[types[0] as ChannelType],
                    })
                  : undefined
              }
              data-testid="channel-type"
            />
            <TextInput
              label="URL"
              withAsterisk
              placeholder="https://shop.example.com"
              value={values.url}
              onChange={(e) => change({ url: e.currentTarget.value })}
              error={errors.url}
              data-testid="channel-url"
            />
          </SimpleGrid>
        </Fieldset>
        <Tabs value={tab} onChange={(next) => next && setTab(next)}>
          <Tabs.List>
            <Tabs.Tab value="settings">{t('channel.adapterSettings')}</Tabs.Tab>
            <Tabs.Tab value="b2b" disabled={!hasB2b(values.type)} data-testid="tab-b2b">
              B2B
            </Tabs.Tab>
            <Tabs.Tab value="b2c" disabled={!hasB2c(values.type)} data-testid="tab-b2c">
              B2C
            </Tabs.Tab>
            <Tabs.Tab value="matching" data-testid="tab-matching">
              {t('channel.matching')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="settings" pt="md">
            {adapter ? (
              <AdapterSettingsFields
                adapter={adapter}
                values={values.settings}
                secretsSet={secretsSet}
                reenter={reenter}
                cleared={values.clearSecrets}
                errors={errors}
                onClear={(key, clear) =>
                  change({
                    clearSecrets: clear
                      ? [...values.clearSecrets, key]
                      : values.clearSecrets.filter((k) => k !== key),
                  })
                }
                onChange={(key, value) => {
                  change({ settings: { ...values.settings, [key]: value } });
                  setErrors(({ [`settings.${key}`]: _, ...rest }) => rest);
                }}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('channel.selectAdapterFirst')}
              </Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="b2b" pt="md">
            <Stack gap="xs">
              <Checkbox
                label={t('channel.customerApproval')}
                description={t('channel.customerApprovalHint')}
                checked={values.customerApproval}
                disabled={adapter?.capabilities.alwaysBlocked === true}
                onChange={(e) => change({ customerApproval: e.currentTarget.checked })}
                data-testid="channel-customer-approval"
              />
              {adapter?.capabilities.alwaysBlocked && (
                <Text size="xs" c="dimmed">
                  {t('channel.alwaysBlocked', { adapter: adapter.label })}
                </Text>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="b2c" pt="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Checkbox
                mt={{ sm: 'md' }}
                label={t('channel.usePseudoPartner')}
                description={t('channel.usePseudoPartnerHint')}
                checked={values.usePseudoPartner}
                onChange={(e) => change({ usePseudoPartner: e.currentTarget.checked })}
                data-testid="channel-use-pseudo-partner"
              />
              <TextInput
                label={t('channel.pseudoPartner')}
                placeholder={t('channel.partnerNumber')}
                disabled={!values.usePseudoPartner}
                value={values.pseudoPartnerNumber}
                onChange={(e) => change({ pseudoPartnerNumber: e.currentTarget.value })}
                error={errors.pseudoPartnerNumber}
                data-testid="channel-pseudo-partner"
              />
            </SimpleGrid>
          </Tabs.Panel>
          <Tabs.Panel value="matching" pt="md">
            <MatchRulesField value={values.matchRules} onChange={(matchRules) => change({ matchRules })} />
          </Tabs.Panel>
        </Tabs>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={busy}
            leftSection={<IconDeviceFloppy size={16} />}
            data-testid="channel-save"
          >
            {creating ? t('channel.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
