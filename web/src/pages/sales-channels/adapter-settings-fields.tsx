/** The adapter's settings as form fields (from its SettingField list); secrets are write-only. */
import { Checkbox, NumberInput, PasswordInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { AdapterInfo } from '../../api/channels.ts';
import type { ChannelErrors } from './channel-form-values.ts';

interface AdapterSettingsFieldsProps {
  adapter: AdapterInfo;
  values: Record<string, string>;
  secretsSet: readonly string[];
  errors: ChannelErrors;
  onChange: (key: string, value: string) => void;
}

export function AdapterSettingsFields({
  adapter,
  values,
  secretsSet,
  errors,
  onChange,
}: AdapterSettingsFieldsProps) {
  if (adapter.settings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        The {adapter.label} adapter has no settings besides the URL.
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
          const stored = secretsSet.includes(field.key);
          return (
            <PasswordInput
              key={field.key}
              {...common}
              withAsterisk={field.required && !stored}
              autoComplete="new-password"
              placeholder={stored ? 'stored – leave empty to keep' : undefined}
              value={value}
              onChange={(e) => onChange(field.key, e.currentTarget.value)}
            />
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
