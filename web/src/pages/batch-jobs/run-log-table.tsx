/**
 * A run's log (GET /api/jobs/:id/runs/:runId/log): one line per record not imported, per warning, per
 * deletion; each record links to its partner (the Sales channel partners cockpit). Filtered by level, code and
 * text, and exported as CSV with the same filters (log.csv).
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileText, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { filterRunLog } from '../../../../src/import/run-log-filter.ts';
import { fetchRunLog, type LogLevel, type Run, runLogCsvUrl } from '../../api/jobs.ts';
import { reviewPath } from '../../api/records.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { countOf, runEndReason } from '../../format/run-outcome.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { Translate } from '../../i18n/translate.ts';

const LEVEL_COLORS: Record<LogLevel, string> = {
  error: 'red',
  warning: 'yellow',
  awaiting: 'orange',
  skipped: 'gray',
  info: 'blue',
};

interface RunLogTableProps {
  jobId: number;
  run: Run;
}

/** What an empty log means for this run: a clean run imported everything; a failed one says why. */
function emptyHint(run: Run, filtered: boolean, t: Translate): { title: string; hint: string } {
  if (filtered) return { title: t('log.noneMatch'), hint: t('common.changeFilters') };
  if (run.state === 'active') return { title: t('log.nothingYet'), hint: t('log.nothingYetHint') };
  const reason = runEndReason(run);
  if (reason)
    return {
      title: t('log.nothing'),
      hint: t('log.endedEarly', { state: t(`state.${run.state}`), reason }),
    };
  return {
    title: t('log.nothing'),
    hint: t('log.allImported'),
  };
}

export function RunLogTable({ jobId, run }: RunLogTableProps) {
  const t = useT();
  const active = run.state === 'active';
  const { data, error, reload } = useLoader(
    () => fetchRunLog(jobId, run.id),
    `log:${jobId}:${run.id}:${active}`, // once more when the run ends
    active ? 2000 : null,
  );
  const [level, setLevel] = useState<string>('all');
  const [code, setCode] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;
  const filter = {
    level: level === 'all' ? undefined : level,
    code: code ?? undefined,
    q: q.trim() || undefined,
  };
  const lines = filterRunLog(data.log, { level: filter.level, code: filter.code, text: filter.q });
  const levels = [...new Set(data.log.map((line) => line.level))];
  const codes = [...new Set(data.log.map((line) => line.code))].sort();
  const filtered = lines.length !== data.log.length;
  const importRun = data.importRun;
  const empty = emptyHint(run, data.log.length > 0, t);
  return (
    <Stack gap="sm" data-testid="run-log">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {importRun
              ? t('log.importRun', {
                  id: importRun.id,
                  channel: importRun.channel,
                  before: formatDateTime(importRun.watermarkBefore),
                  after: formatDateTime(importRun.watermarkAfter),
                })
              : t('log.noImportRun')}
          </Text>
          {importRun && (
            <Anchor
              component={Link}
              to={reviewPath({ channel: importRun.channel })}
              size="sm"
              data-testid="run-log-review"
            >
              {t('log.review')}
            </Anchor>
          )}
          {importRun && (
            <Anchor
              component={Link}
              to={`/partners?run=${importRun.id}`}
              size="sm"
              data-testid="run-log-partners"
            >
              {t('partner.ofRun')}
            </Anchor>
          )}
        </Group>
        {data.log.length > 0 && (
          <Button
            component="a"
            href={runLogCsvUrl(jobId, run.id, filter)}
            download
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            data-testid="log-csv"
          >
            {t('log.exportCsv')}
          </Button>
        )}
      </Group>
      {data.log.length > 0 && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {levels.length > 1 && (
            <SegmentedControl
              size="xs"
              value={level}
              onChange={setLevel}
              data-testid="log-level"
              data={[
                { value: 'all', label: t('common.all') },
                ...levels.map((l) => ({ value: l, label: t(`level.${l}`) })),
              ]}
            />
          )}
          <Select
            size="xs"
            placeholder={t('log.anyCode')}
            aria-label={t('log.code')}
            data={codes}
            value={code}
            onChange={setCode}
            clearable
            searchable
            w={170}
            data-testid="log-code"
          />
          <TextInput
            size="xs"
            placeholder={t('log.searchHint')}
            aria-label={t('log.search')}
            leftSection={<IconSearch size={14} />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            w={210}
            data-testid="log-search"
          />
          <Text size="xs" c="dimmed" data-testid="log-count">
            {filtered
              ? t('log.someOf', { shown: lines.length, all: countOf(data.log.length, 'count.lines') })
              : countOf(lines.length, 'count.lines')}
          </Text>
        </Group>
      )}
      <DataTable
        minWidth={680}
        testId="run-log-table"
        head={[t('log.level'), t('log.externalId'), t('log.partner'), t('log.code'), t('log.message')]}
        rows={lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: log lines have no id and never reorder
          <Table.Tr key={index} data-testid="log-line">
            <Table.Td>
              <Badge color={LEVEL_COLORS[line.level]}>{t(`level.${line.level}`)}</Badge>
            </Table.Td>
            <Table.Td ff="monospace">{line.externalId ?? '–'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {line.partnerNumber ? (
                <Anchor
                  component={Link}
                  to={`/partners/${encodeURIComponent(line.partnerNumber)}`}
                  size="sm"
                  ff="monospace"
                  data-testid="log-partner"
                >
                  {line.partnerNumber}
                </Anchor>
              ) : (
                <Text span c="dimmed" size="sm" title={t('log.noPartner')}>
                  –
                </Text>
              )}
            </Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {line.code}
            </Table.Td>
            <Table.Td className="kontor-wrap">{line.message}</Table.Td>
          </Table.Tr>
        ))}
        empty={<EmptyHint title={empty.title} hint={empty.hint} icon={<IconFileText size={22} />} />}
      />
    </Stack>
  );
}
