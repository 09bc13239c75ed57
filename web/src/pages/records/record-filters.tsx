/** The Review page's filters: channel, state, code (the API filters), and the order by age. */
import { Group, Paper, Select, TextInput } from '@mantine/core';
import type { OpenRecordState } from '../../api/records.ts';
import { OPEN_RECORD_STATES, STATE_KEYS } from '../../api/records.ts';
import { useT } from '../../i18n/i18n-context.ts';

export type AgeOrder = 'newest' | 'oldest';

export interface RecordFilterValues {
  channel: string | null;
  /** null: every state. */
  state: OpenRecordState | null;
  code: string;
  age: AgeOrder;
}

interface RecordFiltersProps {
  value: RecordFilterValues;
  channels: string[];
  onChange: (value: RecordFilterValues) => void;
}

export function RecordFilters({ value, channels, onChange }: RecordFiltersProps) {
  const t = useT();
  const set = (patch: Partial<RecordFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Paper withBorder p="sm" mb="md">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('settings.channel')}
          placeholder={t('records.allChannels')}
          data={channels}
          value={value.channel}
          onChange={(channel) => set({ channel })}
          clearable
          searchable
          w={220}
          data-testid="records-channel"
        />
        <Select
          label={t('jobs.state')}
          data={[
            { value: 'all', label: t('records.allStates') },
            ...OPEN_RECORD_STATES.map((state) => ({ value: state, label: t(STATE_KEYS[state]) })),
          ]}
          value={value.state ?? 'all'}
          onChange={(state) => set({ state: state === 'all' || !state ? null : (state as OpenRecordState) })}
          allowDeselect={false}
          w={160}
          data-testid="records-state"
        />
        <TextInput
          label={t('log.code')}
          placeholder={t('records.codeHint')}
          value={value.code}
          onChange={(event) => set({ code: event.currentTarget.value.toUpperCase() })}
          w={200}
          data-testid="records-code"
        />
        <Select
          label={t('records.age')}
          data={[
            { value: 'newest', label: t('records.newest') },
            { value: 'oldest', label: t('records.oldest') },
          ]}
          value={value.age}
          onChange={(age) => set({ age: (age as AgeOrder | null) ?? 'newest' })}
          allowDeselect={false}
          w={160}
          data-testid="records-age"
        />
      </Group>
    </Paper>
  );
}
