/** Serial pattern: a cron expression, with common patterns to pick from. */
import { ActionIcon, Menu, TextInput, Tooltip } from '@mantine/core';
import { IconCalendarRepeat } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';

const PRESETS: { label: MessageKey; pattern: string }[] = [
  { label: 'pattern.every15', pattern: '*/15 * * * *' },
  { label: 'pattern.hourly', pattern: '0 * * * *' },
  { label: 'pattern.daily', pattern: '0 2 * * *' },
  { label: 'pattern.workingDays', pattern: '0 6 * * 1-5' },
  { label: 'pattern.sundays', pattern: '0 3 * * 0' },
  { label: 'pattern.monthly', pattern: '0 1 1 * *' },
];

interface SerialPatternInputProps {
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (pattern: string) => void;
}

export function SerialPatternInput({ value, disabled, error, onChange }: SerialPatternInputProps) {
  const t = useT();
  return (
    <TextInput
      label={t('settings.pattern')}
      placeholder="0 2 * * *"
      description={t('import.patternHint')}
      value={value}
      disabled={disabled}
      withAsterisk={!disabled}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-testid="field-pattern"
      rightSection={
        <Menu position="bottom-end" disabled={disabled}>
          <Menu.Target>
            <Tooltip label={t('import.commonPatterns')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={disabled}
                aria-label={t('import.commonPatterns')}
              >
                <IconCalendarRepeat size={16} />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            {PRESETS.map((preset) => (
              <Menu.Item key={preset.pattern} onClick={() => onChange(preset.pattern)}>
                {t(preset.label)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      }
    />
  );
}
