/** Serial pattern: a cron expression, with common patterns to pick from. */
import { ActionIcon, Menu, TextInput, Tooltip } from '@mantine/core';
import { IconCalendarRepeat } from '@tabler/icons-react';

const PRESETS: { label: string; pattern: string }[] = [
  { label: 'Every 15 minutes', pattern: '*/15 * * * *' },
  { label: 'Every hour', pattern: '0 * * * *' },
  { label: 'Daily at 02:00', pattern: '0 2 * * *' },
  { label: 'Working days at 06:00', pattern: '0 6 * * 1-5' },
  { label: 'Sundays at 03:00', pattern: '0 3 * * 0' },
  { label: 'First of the month at 01:00', pattern: '0 1 1 * *' },
];

interface SerialPatternInputProps {
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (pattern: string) => void;
}

export function SerialPatternInput({ value, disabled, error, onChange }: SerialPatternInputProps) {
  return (
    <TextInput
      label="Serial pattern"
      placeholder="0 2 * * *"
      description="cron: minute hour day month weekday"
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
            <Tooltip label="Common patterns">
              <ActionIcon variant="subtle" color="gray" disabled={disabled} aria-label="Common patterns">
                <IconCalendarRepeat size={16} />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            {PRESETS.map((preset) => (
              <Menu.Item key={preset.pattern} onClick={() => onChange(preset.pattern)}>
                {preset.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      }
    />
  );
}
