/** Workflow inbox: tasks from batch jobs (Notification "By Workflow"), until acknowledged. */
import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { reviewPath } from '../../api/records.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useNotificationCenter } from '../../notifications/notification-context.ts';

const TOPICS: Record<string, MessageKey> = {
  'run-ended': 'inbox.runEnded',
  timeout: 'inbox.timeout',
  'series-canceled': 'inbox.seriesCanceled',
  missed: 'inbox.missed',
};

export function WorkflowInboxPage() {
  const t = useT();
  const { tasks, tasksError, refreshTasks, acknowledgeTask } = useNotificationCenter();
  const [busy, setBusy] = useState<number | null>(null);

  async function acknowledge(id: number) {
    setBusy(id);
    try {
      await acknowledgeTask(id);
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader
        title={t('nav.inbox')}
        description={t('inbox.description')}
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={refreshTasks}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={tasksError} onRetry={refreshTasks} />
      <DataTable
        testId="inbox-table"
        head={[t('inbox.received'), t('inbox.topic'), t('inbox.task'), t('settings.jobName'), '']}
        rows={tasks.map((task) => (
          <Table.Tr key={task.id} data-testid={`task-row-${task.id}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(task.createdAt)}</Table.Td>
            <Table.Td>
              <Badge color={task.hasErrors ? 'red' : 'green'} data-has-errors={task.hasErrors}>
                {task.topic === 'run-ended' && task.hasErrors
                  ? t('inbox.runEndedErrors')
                  : TOPICS[task.topic]
                    ? t(TOPICS[task.topic] as MessageKey)
                    : task.topic}
              </Badge>
            </Table.Td>
            <Table.Td className="kontor-wrap">
              <Text size="sm" fw={500}>
                {task.title}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }} data-testid="task-message">
                {task.message}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {task.jobId !== null && (
                  <Anchor component={Link} to={`/batch-jobs/${task.jobId}`} size="sm">
                    {t('inbox.job', { id: task.jobId })}
                  </Anchor>
                )}
                {task.hasErrors && (
                  <Anchor component={Link} to={reviewPath()} size="sm" data-testid={`task-review-${task.id}`}>
                    {t('nav.records')}
                  </Anchor>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconChecks size={14} />}
                loading={busy === task.id}
                onClick={() => acknowledge(task.id)}
              >
                {t('inbox.acknowledge')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
        empty={
          <EmptyHint title={t('inbox.none')} icon={<IconChecks size={22} />} hint={t('inbox.noneHint')} />
        }
      />
    </>
  );
}
