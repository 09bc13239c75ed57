/**
 * Home: every sales channel's health at a glance, the landing page after login: how its last run ended, its
 * open records (when the API tells them), its next scheduled run and the errors of its latest runs.
 * Refreshes every 5 s while a run is going on, else every 30 s.
 */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconBuildingStore, IconFileImport, IconRefresh } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { listChannels } from '../../api/channels.ts';
import { type ChannelHealth, fetchHome } from '../../api/home.ts';
import { START_MODE_KEYS, type StartMode } from '../../api/jobs.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime, formatDuration } from '../../format/date-time.ts';
import { countOf, formatCount } from '../../format/run-outcome.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { ErrorTrend } from './error-trend.tsx';

/** The badge state of an outcome (StateBadge colours). */
const OUTCOME_STATES: Record<ChannelHealth['outcome'], string> = {
  'never-run': 'planned',
  running: 'active',
  finished: 'finished',
  'finished-with-errors': 'finished-with-errors',
  failed: 'failed',
};

/** Open records per channel, where the channel list tells them (`openRecords`); else none are shown. */
async function fetchHealth() {
  const [home, channels] = await Promise.all([fetchHome(), listChannels().catch(() => [])]);
  const open = new Map<string, number>();
  for (const channel of channels) {
    const value = (channel as { openRecords?: unknown }).openRecords;
    if (typeof value === 'number') open.set(channel.name, value);
  }
  return {
    channels: home.channels,
    open: channels.length > 0 && open.size === channels.length ? open : null,
  };
}

function LastRun({ channel }: { channel: ChannelHealth }) {
  const t = useT();
  const run = channel.lastRun;
  if (!run)
    return (
      <Text size="sm" c="dimmed">
        {t('jobs.noRunYet')}
      </Text>
    );
  const detail =
    run.state === 'failed'
      ? (run.error?.message ?? t('home.runFailed'))
      : run.state === 'running'
        ? t('home.readSoFar', { records: countOf(run.read, 'count.records') })
        : [
            t('home.readCreatedUpdated', {
              records: countOf(run.read, 'count.records'),
              created: run.created,
              updated: run.updated,
            }),
            ...(run.errors > 0 ? [countOf(run.errors, 'count.errors')] : []),
            ...(run.awaiting > 0 ? [t('counts.awaiting', { n: run.awaiting })] : []),
          ].join(', ');
  const when =
    run.state === 'running'
      ? t('home.startedAt', { when: formatDateTime(run.startedAt) })
      : `${formatDateTime(run.finishedAt ?? run.startedAt)} · ${formatDuration(run.startedAt, run.finishedAt)}`;
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={6}>
        <StateBadge state={OUTCOME_STATES[channel.outcome]} label={t(`state.${channel.outcome}`)} />
        {run.jobId !== null && (
          <Anchor component={Link} to={`/batch-jobs/${run.jobId}`} size="xs">
            {t('home.jobLink', { id: run.jobId })}
          </Anchor>
        )}
      </Group>
      <Text
        size="xs"
        c={run.state === 'failed' ? 'red' : 'dimmed'}
        lineClamp={2}
        title={detail}
        data-testid="last-run-detail"
      >
        {detail}
      </Text>
      <Text size="xs" c="dimmed">
        {when}
      </Text>
    </Stack>
  );
}

function NextRun({ channel }: { channel: ChannelHealth }) {
  const t = useT();
  const next = channel.nextRun;
  if (!next)
    return (
      <Text size="sm" c="dimmed">
        {t('home.noneScheduled')}
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(next.dueAt)}
      </Text>
      <Anchor
        component={Link}
        to={`/batch-jobs/${next.jobId}`}
        size="xs"
        maw={220}
        truncate
        title={next.jobName}
      >
        {next.jobName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {START_MODE_KEYS[next.startMode as StartMode]
          ? t(START_MODE_KEYS[next.startMode as StartMode])
          : next.startMode}
      </Text>
    </Stack>
  );
}

function Tally({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder px="md" py="xs" radius="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={value > 0 ? color : undefined}>
        {formatCount(value)}
      </Text>
    </Paper>
  );
}

export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const { data, error, reload } = useLoader(fetchHealth, 'home', (current) =>
    current?.channels.some((c) => c.outcome === 'running') ? 5000 : 30_000,
  );
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;
  const count = (outcome: ChannelHealth['outcome']) =>
    data.channels.filter((c) => c.outcome === outcome).length;
  const open = data.open;
  const head = [
    t('settings.channel'),
    t('jobs.lastRun'),
    ...(open ? [t('home.openRecords')] : []),
    t('home.nextRun'),
    t('home.errorTrend'),
  ];
  return (
    <>
      <PageHeader
        title={t('nav.home')}
        description={t('home.description')}
        actions={
          <>
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={reload}>
              {t('common.refresh')}
            </Button>
            <Button leftSection={<IconFileImport size={16} />} onClick={() => navigate('/import-customers')}>
              {t('nav.importCustomers')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" mb="md">
        <Tally label={t('nav.salesChannels')} value={data.channels.length} testId="tally-channels" />
        <Tally label={t('home.tallyFailed')} value={count('failed')} color="red" testId="tally-failed" />
        <Tally
          label={t('jobs.finishedWithErrors')}
          value={count('finished-with-errors')}
          color="orange"
          testId="tally-errors"
        />
        <Tally label={t('home.tallyRunning')} value={count('running')} color="blue" testId="tally-running" />
        <Tally label={t('home.tallyNever')} value={count('never-run')} testId="tally-never" />
      </SimpleGrid>
      <DataTable
        testId="home-channels"
        minWidth={900}
        head={head}
        rows={data.channels.map((channel) => (
          <Table.Tr key={channel.name} data-testid={`health-${channel.name}`} data-outcome={channel.outcome}>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/sales-channels/${encodeURIComponent(channel.name)}`}
                fw={500}
                size="sm"
              >
                {channel.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {channel.adapterLabel}
              </Text>
            </Table.Td>
            <Table.Td className="kontor-wrap" maw={380} miw={260}>
              <LastRun channel={channel} />
            </Table.Td>
            {open && (
              <Table.Td>
                <Badge
                  variant="light"
                  color={(open.get(channel.name) ?? 0) > 0 ? 'orange' : 'gray'}
                  data-testid="open-records"
                >
                  {t('home.open', { n: open.get(channel.name) ?? 0 })}
                </Badge>
              </Table.Td>
            )}
            <Table.Td>
              <NextRun channel={channel} />
            </Table.Td>
            <Table.Td>
              <ErrorTrend runs={channel.recentRuns} />
            </Table.Td>
          </Table.Tr>
        ))}
        empty={
          <EmptyHint
            title={t('channels.noneYet')}
            icon={<IconBuildingStore size={22} />}
            hint={
              <>
                {t('home.addOneBefore')}{' '}
                <Anchor component={Link} to="/sales-channels/new" size="sm">
                  {t('nav.salesChannels')}
                </Anchor>
                {t('home.addOneAfter')}
              </>
            }
          />
        }
      />
    </>
  );
}
