/** Filters of the Batch jobs list: name, state, queue, user, application server. */
import { Button, Group, MultiSelect, Paper, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { listUsers } from '../../api/auth.ts';
import { JOB_STATES, type JobState } from '../../api/jobs.ts';
import { listAppServers, listQueues } from '../../api/system.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';

export interface JobFilterValues {
  name: string;
  states: JobState[];
  queue: string | null;
  user: string | null;
  appServer: string | null;
}

export const NO_FILTER: JobFilterValues = { name: '', states: [], queue: null, user: null, appServer: null };

async function loadChoices() {
  const [queues, users, servers] = await Promise.all([listQueues(), listUsers(), listAppServers()]);
  return {
    queues: queues.map((q) => q.name),
    users: users.map((u) => u.name),
    servers: servers.map((s) => s.name),
  };
}

interface JobFiltersProps {
  value: JobFilterValues;
  onChange: (value: JobFilterValues) => void;
}

export function JobFilters({ value, onChange }: JobFiltersProps) {
  const t = useT();
  const { data } = useLoader(loadChoices, 'job-filter-choices');
  const set = (patch: Partial<JobFilterValues>) => onChange({ ...value, ...patch });
  const filtered =
    value.name !== '' ||
    value.states.length > 0 ||
    value.queue !== null ||
    value.user !== null ||
    value.appServer !== null;
  return (
    <Paper withBorder p="sm" mb="md" radius="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.name')}
          placeholder={t('jobs.filterNameHint')}
          leftSection={<IconSearch size={14} />}
          w={200}
          value={value.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          data-testid="filter-name"
        />
        <MultiSelect
          label={t('jobs.state')}
          placeholder={value.states.length === 0 ? t('jobs.anyState') : undefined}
          data={JOB_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          w={260}
          clearable
          value={value.states}
          onChange={(states) => set({ states: states as JobState[] })}
          data-testid="filter-state"
        />
        <Select
          label={t('jobs.queue')}
          placeholder={t('jobs.anyQueue')}
          data={data?.queues ?? []}
          searchable
          clearable
          w={170}
          value={value.queue}
          onChange={(queue) => set({ queue })}
          data-testid="filter-queue"
        />
        <Select
          label={t('jobs.user')}
          placeholder={t('jobs.anyUser')}
          data={data?.users ?? []}
          searchable
          clearable
          w={150}
          value={value.user}
          onChange={(user) => set({ user })}
          data-testid="filter-user"
        />
        <Select
          label={t('jobs.appServer')}
          placeholder={t('jobs.anyServer')}
          data={data?.servers ?? []}
          searchable
          clearable
          w={170}
          value={value.appServer}
          onChange={(appServer) => set({ appServer })}
          data-testid="filter-app-server"
        />
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          disabled={!filtered}
          onClick={() => onChange(NO_FILTER)}
        >
          {t('common.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
