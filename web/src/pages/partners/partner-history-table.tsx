/** A partner's change history in its drawer: newest first, one row per changed field, with who and which run. */
import { Fieldset, Table, Text, Tooltip } from '@mantine/core';
import { fetchPartnerHistory, type HistoryEntry } from '../../api/partners.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  company: 'Company',
  taxId: 'Tax id',
  phones: 'Phones',
  websites: 'Websites',
  addresses: 'Addresses',
  contacts: 'Contacts',
  salesTaxClassification: 'Sales tax classification',
  salesRepresentative: 'Sales representative',
  status: 'Status',
  mergedFrom: 'Merged from partner',
  mergedInto: 'Merged into partner',
  link: 'Channel link',
};

/** A value as one short line; the whole value in the tooltip. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    if (value.every((item) => typeof item === 'string')) return value.join(', ');
    return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  }
  if (typeof value === 'object' && 'channel' in value && 'externalId' in value)
    return `${String(value.channel)} ${String(value.externalId)}`;
  return JSON.stringify(value);
}

function Value({ value }: { value: unknown }) {
  const text = shown(value);
  const full = typeof value === 'object' && value !== null ? JSON.stringify(value, null, 1) : text;
  return (
    <Tooltip label={full} disabled={full === text} multiline maw={420}>
      <Text size="sm" lineClamp={2}>
        {text}
      </Text>
    </Tooltip>
  );
}

function source(entry: HistoryEntry): string {
  if (entry.run === undefined) return entry.by ?? '–';
  return `Import run ${entry.run}${entry.by ? ` (${entry.by})` : ''}`;
}

/** `version` changes when the partner changed (reloads the history). */
export function PartnerHistoryTable({ number, version }: { number: string; version: number }) {
  const { data, error, reload } = useLoader(
    () => fetchPartnerHistory(number),
    `partner-history:${number}:${version}`,
  );
  const entries = [...(data?.history ?? [])].reverse();
  return (
    <Fieldset legend="History">
      <ErrorAlert error={error} onRetry={reload} />
      <DataTable
        minWidth={640}
        testId="partner-history"
        head={['When', 'By', 'Field', 'From', 'To']}
        rows={entries.map((entry, index) => (
          <Table.Tr
            // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id of their own
            key={index}
            data-action={entry.action}
            data-field={entry.field}
          >
            <Table.Td>{formatDateTime(entry.at)}</Table.Td>
            <Table.Td>
              {source(entry)}
              {entry.partner && (
                <Text size="xs" c="dimmed">
                  of merged partner {entry.partner}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{FIELD_LABELS[entry.field] ?? entry.field}</Table.Td>
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
            {data ? 'No changes recorded.' : 'Loading…'}
          </Text>
        }
      />
    </Fieldset>
  );
}
