/** The adapter's settings as form fields (from its SettingField list); secrets are write-only. */
import { Checkbox, NumberInput, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { AdapterInfo } from '../../api/channels.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { ChannelErrors } from './channel-form-values.ts';

interface AdapterSettingsFieldsProps {
  adapter: AdapterInfo;
  values: Record<string, string>;
  secretsSet: readonly string[];
  /** The URL's host changed: stored secrets are not kept, they must be entered again. */
  reenter?: boolean;
  /** Stored optional secrets marked for removal. */
  cleared: readonly string[];
  errors: ChannelErrors;
  onChange: (key: string, value: string) => void;
  onClear: (key: string, clear: boolean) => void;
}

export function AdapterSettingsFields({
  adapter,
  values,
  secretsSet,
  reenter = false,
  cleared,
  errors,
  onChange,
  onClear,
}: AdapterSettingsFieldsProps) {
  const t = useT();
  if (adapter.settings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('channel.noSettings', { adapter: adapter.label })}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {adapter.settings.map((field) => {
        const value = values[field.key] ?? '';
        const error = errors[`settings.${field.key}`];
        const common = {
          label: field.label,
          description: field.description,
          error,
          'data-testid': `setting-${field.key}`,
        };
        if (field.type === 'boolean')
          return (
            <Checkbox
              key={field.key}
              {...common}
              mt="md"
              checked={value === 'true'}
              onChange={(e) => onChange(field.key, e.currentTarget.checked ? 'true' : 'false')}
            />
          );
        if (field.type === 'secret') {
          const removing = cleared.includes(field.key);
          const again = reenter && secretsSet.includes(field.key) && !removing;
          const stored = secretsSet.includes(field.key) && !again;
          return (
            <Stack key={field.key} gap={6}>
              <PasswordInput
                {...common}
                withAsterisk={field.required && !stored}
                autoComplete="new-password"
                placeholder={
                  removing
                    ? t('channel.secretRemoved')
                    : again
                      ? t('channel.secretAgain')
                      : stored
                        ? t('channel.secretStored')
                        : undefined
                }
                disabled={removing}
                value={removing ? '' : value}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
              />
              {secretsSet.includes(field.key) && !field.required && (
                <Checkbox
                  size="xs"
                  label={t('channel.secretRemove')}
                  checked={removing}
                  onChange={(e) => onClear(field.key, e.currentTarget.checked)}
                  data-testid={`clear-setting-${field.key}`}
                />
              )}
            </Stack>
          );
        }
        if (field.type === 'number')
          return (
            <NumberInput
              key={field.key}
              {...common}
              withAsterisk={field.required}
              placeholder={field.default}
              value={value}
              onChange={(next) => onChange(field.key, String(next))}
            />
          );
        return (
          <TextInput
            key={field.key}
            {...common}
            withAsterisk={field.required}
            placeholder={field.default}
            value={value}
            onChange={(e) => onChange(field.key, e.currentTarget.value)}
          />
        );
      })}
    </SimpleGrid>
  );
}
