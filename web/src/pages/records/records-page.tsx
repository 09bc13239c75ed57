/**
 * Review: the records runs did not import (errors, warnings awaiting confirmation), by channel, code, state
 * and age, and what a person does with them, one or many at once: Confirm (import the kept record with its
 * warnings confirmed, without a new read), Ignore (close it; still listed as ignored, by whom and when), Retry
 * (read it again from the shop and import it if it is valid now).
 */
import { Badge, Button, Checkbox, Group, Pagination, Table, Text } from '@mantine/core';
import { IconChecks, IconEyeOff, IconRefresh, IconReload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listChannels } from '../../api/channels.ts';
import { listRecords, type OpenRecord, type OpenRecordState, STATE_KEYS } from '../../api/records.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatAge } from '../../format/age.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { type AgeOrder, RecordFilters, type RecordFilterValues } from './record-filters.tsx';
import { RowActions } from './record-row-actions.tsx';
import { useRecordActions } from './use-record-actions.ts';

const PAGE_SIZE = 50;

const STATE_COLORS: Record<OpenRecordState, string> = {
  open: 'orange',
  imported: 'green',
  confirmed: 'teal',
  ignored: 'gray',
};

const keyOf = (record: OpenRecord) => `${record.channel}\u0000${record.externalId}`;

function filtersFrom(params: URLSearchParams): RecordFilterValues {
  const state = params.get('state');
  return {
    channel: params.get('channel'),
    state: state === 'all' ? null : ((state as OpenRecordState | null) ?? 'open'),
    code: params.get('code') ?? '',
    age: (params.get('age') as AgeOrder | null) ?? 'newest',
  };
}

export function RecordsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const channels = useLoader(listChannels, 'channels');
  const query = {
    channel: filters.channel,
    state: filters.state,
    code: filters.code.trim() || null,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const { data, error, reload } = useLoader(() => listRecords(query), JSON.stringify(query));
  const { busy, act, review } = useRecordActions(() => {
    setSelected(new Set());
    reload();
    channels.reload();
  });

  const records = useMemo(() => {
    const list = [...(data?.records ?? [])];
    const time = (record: OpenRecord) => Date.parse(record.firstSeenAt);
    list.sort((a, b) => (filters.age === 'oldest' ? time(a) - time(b) : time(b) - time(a)));
    return list;
  }, [data, filters.age]);
  const chosen = records.filter((record) => selected.has(keyOf(record)));
  const allChosen = records.length > 0 && chosen.length === records.length;

  function changeFilters(next: RecordFilterValues) {
    const search = new URLSearchParams();
    if (next.channel) search.set('channel', next.channel);
    search.set('state', next.state ?? 'all');
    if (next.code.trim()) search.set('code', next.code.trim());
    if (next.age !== 'newest') search.set('age', next.age);
    setParams(search, { replace: true });
    setPage(1);
    setSelected(new Set());
  }

  function toggle(record: OpenRecord) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(keyOf(record))) next.delete(keyOf(record));
      else next.add(keyOf(record));
      return next;
    });
  }

  const actions = (records: OpenRecord[], size: 'sm', testPrefix: string) => {
    const open = records.filter((record) => record.state === 'open');
    return (
      <Group gap={6} wrap="nowrap">
        <Button
          size={size}
          variant="light"
          color="teal"
          leftSection={<IconChecks size={14} />}
          disabled={open.length === 0 || busy !== null}
          loading={busy === 'confirm'}
          onClick={() => act('confirm', open)}
          data-testid={`${testPrefix}-confirm`}
        >
          {t('recordAction.confirm')}
        </Button>
        <Button
          size={size}
          variant="light"
          color="gray"
          leftSection={<IconEyeOff size={14} />}
          disabled={open.length === 0 || busy !== null}
          loading={busy === 'ignore'}
          onClick={() => act('ignore', open)}
          data-testid={`${testPrefix}-ignore`}
        >
          {t('recordAction.ignore')}
        </Button>
        <Button
          size={size}
          variant="light"
          leftSection={<IconReload size={14} />}
          disabled={open.length === 0 || busy !== null}
          loading={busy === 'retry'}
          onClick={() => act('retry', open)}
          data-testid={`${testPrefix}-retry`}
        >
          {t('recordAction.retry')}
        </Button>
      </Group>
    );
  };

  const total = data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('nav.records')}
        description={t('records.description')}
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <RecordFilters
        value={filters}
        channels={(channels.data ?? []).map((channel) => channel.name)}
        onChange={changeFilters}
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Group justify="space-between" mb="sm" data-testid="records-bulk">
        <Text size="sm" c="dimmed" data-testid="records-total">
          {t('count.records', { count: total })}
          {chosen.length > 0 ? ` · ${t('records.selected', { n: chosen.length })}` : ''}
        </Text>
        {actions(chosen, 'sm', 'bulk')}
      </Group>
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="records-table"
          minWidth={filters.channel ? 980 : 1080}
          head={[
            <Checkbox
              key="all"
              aria-label={t('records.selectAll')}
              checked={allChosen}
              indeterminate={chosen.length > 0 && !allChosen}
              onChange={() => setSelected(allChosen ? new Set() : new Set(records.map(keyOf)))}
              data-testid="records-select-all"
            />,
            // One channel chosen: its name is in the filter, not in every row.
            ...(filters.channel ? [] : [t('records.channel')]),
            t('log.externalId'),
            t('records.email'),
            t('preview.codes'),
            t('log.message'),
            t('jobs.state'),
            t('records.age'),
            t('records.lastSeen'),
            '',
          ]}
          rows={records.map((record) => (
            <Table.Tr
              key={keyOf(record)}
              data-testid={`record-row-${record.externalId}`}
              data-state={record.state}
            >
              <Table.Td>
                <Checkbox
                  aria-label={t('records.select', { id: record.externalId })}
                  checked={selected.has(keyOf(record))}
                  onChange={() => toggle(record)}
                  data-testid={`record-select-${record.externalId}`}
                />
              </Table.Td>
              {!filters.channel && <Table.Td>{record.channel}</Table.Td>}
              <Table.Td ff="monospace">{record.externalId}</Table.Td>
              <Table.Td>{record.email ?? '–'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {record.codes.map((code) => (
                    <Badge
                      key={code}
                      size="sm"
                      variant="light"
                      color={record.level === 'error' ? 'red' : 'orange'}
                    >
                      {code}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td className="kontor-wrap">
                <Text size="xs">{record.message}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLORS[record.state]} variant="light">
                  {t(STATE_KEYS[record.state])}
                </Badge>
                {record.resolvedBy && (
                  <Text size="xs" c="dimmed">
                    {t('records.resolvedBy', {
                      user: record.resolvedBy,
                      when: formatDateTime(record.resolvedAt),
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td
                title={t('records.firstSeen', { when: formatDateTime(record.firstSeenAt) })}
                style={{ whiteSpace: 'nowrap' }}
              >
                {formatAge(record.firstSeenAt)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(record.lastSeenAt)}
                {record.runId !== null && (
                  <Text size="xs" c="dimmed">
                    {t('records.run', { id: record.runId })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {record.state === 'open' && (
                  <RowActions record={record} busy={busy !== null} act={act} review={review} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          empty={
            <EmptyHint
              title={t('records.nothing')}
              icon={<IconChecks size={22} />}
              hint={t('records.nothingHint')}
            />
          }
        />
      )}
      {total > PAGE_SIZE && (
        <Group justify="center" mt="md">
          <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
        </Group>
      )}
    </>
  );
}
