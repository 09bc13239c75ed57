/** System cockpit, category Application servers: each server with its state and heartbeat. */
import { Table, Text } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { listAppServers } from '../../api/system.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';

export function AppServersPanel() {
  const t = useT();
  const { data, error, reload } = useLoader(listAppServers, 'app-servers', 5000);
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cockpit.serversHint')}
      </Text>
      <ErrorAlert error={error} onRetry={reload} />
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="app-servers-table"
          head={[
            t('common.name'),
            t('common.status'),
            t('cockpit.host'),
            t('cockpit.pid'),
            t('jobs.started'),
            t('cockpit.heartbeat'),
            t('cockpit.stopped'),
          ]}
          rows={data.map((server) => (
            <Table.Tr key={server.name} data-testid={`app-server-row-${server.name}`}>
              <Table.Td fw={500}>{server.name}</Table.Td>
              <Table.Td>
                <StateBadge state={server.status} />
              </Table.Td>
              <Table.Td>{server.host ?? '–'}</Table.Td>
              <Table.Td ff="monospace">{server.pid ?? '–'}</Table.Td>
              <Table.Td>{formatDateTime(server.startedAt)}</Table.Td>
              <Table.Td>{formatDateTime(server.heartbeatAt)}</Table.Td>
              <Table.Td>{formatDateTime(server.stoppedAt)}</Table.Td>
            </Table.Tr>
          ))}
          empty={
            <EmptyHint
              title={t('cockpit.noServers')}
              icon={<IconServer size={22} />}
              hint={t('cockpit.noServersHint')}
            />
          }
        />
      )}
    </>
  );
}
