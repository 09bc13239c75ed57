/** A partner's change history in its drawer: newest first, one row per changed field, with who and which run. */
import { Fieldset, Table, Text, Tooltip } from '@mantine/core';
import { fetchPartnerHistory, type HistoryEntry } from '../../api/partners.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { Translate } from '../../i18n/translate.ts';

const FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'company',
  'taxId',
  'phones',
  'websites',
  'addresses',
  'contacts',
  'salesTaxClassification',
  'salesRepresentative',
  'status',
  'mergedFrom',
  'mergedInto',
  'link',
] as const;
type HistoryField = (typeof FIELDS)[number];
const isField = (field: string): field is HistoryField => (FIELDS as readonly string[]).includes(field);

function fieldLabel(t: Translate, field: string): string {
  return isField(field) ? t(`history.field.${field}`) : field;
}

/** A value as one short line; the whole value in the tooltip. */
function shown(t: Translate, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return t('history.empty');
    if (value.every((item) => typeof item === 'string')) return value.join(', ');
    return t('history.entries', { count: value.length });
  }
  if (typeof value === 'object' && 'channel' in value && 'externalId' in value)
    return `${String(value.channel)} ${String(value.externalId)}`;
  return JSON.stringify(value);
}

function Value({ value }: { value: unknown }) {
  const t = useT();
  const text = shown(t, value);
  const full = typeof value === 'object' && value !== null ? JSON.stringify(value, null, 1) : text;
  return (
    <Tooltip label={full} disabled={full === text} multiline maw={420}>
      <Text size="sm" lineClamp={2}>
        {text}
      </Text>
    </Tooltip>
  );
}

function source(t: Translate, entry: HistoryEntry): string {
  if (entry.run === undefined) return entry.by ?? '–';
  return entry.by
    ? t('history.importRunBy', { run: String(entry.run), by: entry.by })
    : t('history.importRun', { run: String(entry.run) });
}

/** `version` changes when the partner changed (reloads the history). */
export function PartnerHistoryTable({ number, version }: { number: string; version: number }) {
  const t = useT();
  const { data, error, reload } = useLoader(
    () => fetchPartnerHistory(number),
    `partner-history:${number}:${version}`,
  );
  const entries = [...(data?.history ?? [])].reverse();
  return (
    <Fieldset legend={t('history.title')}>
      <ErrorAlert error={error} onRetry={reload} />
      <DataTable
        minWidth={640}
        testId="partner-history"
        head={[t('history.when'), t('history.by'), t('history.field'), t('history.from'), t('history.to')]}
        rows={entries.map((entry, index) => (
          <Table.Tr
            // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id of their own
            key={index}
            data-action={entry.action}
            data-field={entry.field}
          >
            <Table.Td>{formatDateTime(entry.at)}</Table.Td>
            <Table.Td>
              {source(t, entry)}
              {entry.partner && (
                <Text size="xs" c="dimmed">
                  {t('history.ofMerged', { number: entry.partner })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{fieldLabel(t, entry.field)}</Table.Td>
            <Table.Td>
              <Value value={entry.from} />
            </Table.Td>
            <Table.Td>
              <Value value={entry.to} />
            </Table.Td>
          </Table.Tr>
        ))}
        empty={
          <Text size="sm" c="dimmed">
            {data ? t('history.none') : t('history.loading')}
          </Text>
        }
      />
    </Fieldset>
  );
}
