/**
 * Search and filters of the Sales channel partners cockpit: text, channel, type, status, deletion, merged, and the
 * import run or batch job that created or changed the partners.
 */
import { Button, Group, NumberInput, Paper, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { listChannels } from '../../api/channels.ts';
import type { PartnerStatus, PartnerType } from '../../api/partners.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';

export interface PartnerFilterValues {
  q: string;
  channel: string | null;
  type: PartnerType | null;
  status: PartnerStatus | null;
  deleted: 'yes' | 'no' | null;
  merged: 'include' | 'only' | null;
  /** The import run that created or changed the partners. */
  run: number | null;
  /** The batch job (id or name) whose runs created or changed the partners. */
  job: string | null;
}

export const NO_PARTNER_FILTER: PartnerFilterValues = {
  q: '',
  channel: null,
  type: null,
  status: null,
  deleted: null,
  merged: null,
  run: null,
  job: null,
};

interface PartnerFiltersProps {
  value: PartnerFilterValues;
  onChange: (value: PartnerFilterValues) => void;
}

export function PartnerFilters({ value, onChange }: PartnerFiltersProps) {
  const t = useT();
  const { data: channels } = useLoader(listChannels, 'partner-filter-channels');
  const set = (patch: Partial<PartnerFilterValues>) => onChange({ ...value, ...patch });
  const filtered = JSON.stringify(value) !== JSON.stringify(NO_PARTNER_FILTER);
  return (
    <Paper withBorder p="sm" mb="md" radius="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('partner.searchHint')}
          leftSection={<IconSearch size={14} />}
          w={320}
          value={value.q}
          onChange={(e) => set({ q: e.currentTarget.value })}
          data-testid="partner-search"
        />
        <Select
          label={t('settings.channel')}
          placeholder={t('partner.anyChannel')}
          data={(channels ?? []).map((c) => c.name)}
          searchable
          clearable
          w={190}
          value={value.channel}
          onChange={(channel) => set({ channel })}
          data-testid="partner-filter-channel"
        />
        <Select
          label={t('channel.type')}
          placeholder={t('partner.any')}
          data={['B2B', 'B2C']}
          clearable
          w={110}
          value={value.type}
          onChange={(type) => set({ type: type as PartnerType | null })}
          data-testid="partner-filter-type"
        />
        <Select
          label={t('common.status')}
          placeholder={t('partner.any')}
          data={[
            { value: 'Released', label: t('state.Released') },
            { value: 'Blocked', label: t('state.Blocked') },
          ]}
          clearable
          w={130}
          value={value.status}
          onChange={(status) => set({ status: status as PartnerStatus | null })}
          data-testid="partner-filter-status"
        />
        <Select
          label={t('partner.deletedInChannel')}
          placeholder={t('partner.any')}
          data={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          clearable
          w={150}
          value={value.deleted}
          onChange={(deleted) => set({ deleted: deleted as 'yes' | 'no' | null })}
          data-testid="partner-filter-deleted"
        />
        <Select
          label={t('partner.filterMerged')}
          placeholder={t('partner.mergedHidden')}
          data={[
            { value: 'include', label: t('partner.mergedShown') },
            { value: 'only', label: t('partner.mergedOnly') },
          ]}
          clearable
          w={150}
          value={value.merged}
          onChange={(merged) => set({ merged: merged as 'include' | 'only' | null })}
          data-testid="partner-filter-merged"
        />
        <NumberInput
          label={t('partner.filterRun')}
          placeholder={t('partner.any')}
          min={1}
          allowDecimal={false}
          hideControls
          w={110}
          value={value.run ?? ''}
          onChange={(run) => set({ run: typeof run === 'number' && run >= 1 ? run : null })}
          data-testid="partner-filter-run"
        />
        <TextInput
          label={t('partner.filterJob')}
          placeholder={t('partner.filterJobHint')}
          w={150}
          value={value.job ?? ''}
          onChange={(e) => set({ job: e.currentTarget.value.trim() || null })}
          data-testid="partner-filter-job"
        />
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          disabled={!filtered}
          onClick={() => onChange(NO_PARTNER_FILTER)}
        >
          {t('common.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
