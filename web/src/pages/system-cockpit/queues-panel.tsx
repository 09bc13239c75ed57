/** System cockpit, category Processing queues: each queue with its ready and active jobs; create, edit. */
import { Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { listQueues, type ProcessingQueue } from '../../api/system.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useSession } from '../../session/session-context.ts';
import { QueueFormModal } from './queue-form-modal.tsx';

export function QueuesPanel() {
  const t = useT();
  const { isAdmin } = useSession();
  const { data, error, reload } = useLoader(listQueues, 'queues', 5000);
  const [editing, setEditing] = useState<ProcessingQueue | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('cockpit.queuesHint')}
        </Text>
        {isAdmin && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="new-queue"
          >
            {t('cockpit.newQueue')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} onRetry={reload} />
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="queues-table"
          head={[
            t('common.name'),
            t('common.description'),
            t('cockpit.ready'),
            t('cockpit.active'),
            t('common.created'),
            '',
          ]}
          rows={data.map((queue) => (
            <Table.Tr key={queue.id} data-testid={`queue-row-${queue.name}`}>
              <Table.Td fw={500}>{queue.name}</Table.Td>
              <Table.Td className="kontor-wrap" c={queue.description ? undefined : 'dimmed'}>
                {queue.description || '–'}
              </Table.Td>
              <Table.Td>{queue.ready}</Table.Td>
              <Table.Td>{queue.active}</Table.Td>
              <Table.Td>{formatDateTime(queue.createdAt)}</Table.Td>
              <Table.Td>
                {isAdmin && (
                  <Button size="compact-xs" variant="light" color="gray" onClick={() => setEditing(queue)}>
                    {t('common.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          empty={
            <EmptyHint
              title={t('cockpit.noQueues')}
              icon={<IconStack2 size={22} />}
              hint={t('cockpit.noQueuesHint')}
            />
          }
        />
      )}
      <QueueFormModal
        queue={editing}
        onClose={() => setEditing(null)}
        onSaved={(queue) => {
          setEditing(null);
          notifications.show({ color: 'green', message: t('cockpit.queueSaved', { name: queue.name }) });
          reload();
        }}
      />
    </>
  );
}
