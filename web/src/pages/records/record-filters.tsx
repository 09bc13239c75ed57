/** The Review page's filters: channel, state, code (the API filters), and the order by age. */
import { Group, Paper, Select, TextInput } from '@mantine/core';
import type { OpenRecordState } from '../../api/records.ts';
import { OPEN_RECORD_STATES, STATE_LABELS } from '../../api/records.ts';

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
  const set = (patch: Partial<RecordFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Paper withBorder p="sm" mb="md">
      <Group gap="sm" align="flex-end">
        <Select
          label="Sales channel"
          placeholder="All channels"
          data={channels}
          value={value.channel}
          onChange={(channel) => set({ channel })}
          clearable
          searchable
          w={220}
          data-testid="records-channel"
        />
        <Select
          label="State"
          data={[
            { value: 'all', label: 'All states' },
            ...OPEN_RECORD_STATES.map((state) => ({ value: state, label: STATE_LABELS[state] })),
          ]}
          value={value.state ?? 'all'}
          onChange={(state) => set({ state: state === 'all' || !state ? null : (state as OpenRecordState) })}
          allowDeselect={false}
          w={160}
          data-testid="records-state"
        />
        <TextInput
          label="Code"
          placeholder="e.g. INVALID_DATE"
          value={value.code}
          onChange={(event) => set({ code: event.currentTarget.value.toUpperCase() })}
          w={200}
          data-testid="records-code"
        />
        <Select
          label="Age"
          data={[
            { value: 'newest', label: 'Newest first' },
            { value: 'oldest', label: 'Oldest first' },
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
