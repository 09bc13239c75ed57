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
import { useNotificationCenter } from '../../notifications/notification-context.ts';

const TOPICS: Record<string, string> = {
  'run-ended': 'Run ended',
  timeout: 'Timeout',
  'series-canceled': 'Series canceled',
  missed: 'Missed',
};

export function WorkflowInboxPage() {
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
        title="Workflow inbox"
        description="Tasks about your batch jobs. They stay here until you acknowledge them."
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={refreshTasks}>
            Refresh
          </Button>
        }
      />
      <ErrorAlert error={tasksError} onRetry={refreshTasks} />
      <DataTable
        testId="inbox-table"
        head={['Received', 'Topic', 'Task', 'Batch job', '']}
        rows={tasks.map((task) => (
          <Table.Tr key={task.id} data-testid={`task-row-${task.id}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(task.createdAt)}</Table.Td>
            <Table.Td>
              <Badge color={task.hasErrors ? 'red' : 'green'} data-has-errors={task.hasErrors}>
                {task.topic === 'run-ended' && task.hasErrors
                  ? 'Run ended with errors'
                  : (TOPICS[task.topic] ?? task.topic)}
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
                    Job {task.jobId}
                  </Anchor>
                )}
                {task.hasErrors && (
                  <Anchor component={Link} to={reviewPath()} size="sm" data-testid={`task-review-${task.id}`}>
                    Review records
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
                Acknowledge
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
        empty={
          <EmptyHint
            title="No open tasks"
            icon={<IconChecks size={22} />}
            hint='Jobs with Notification "By Workflow" put their tasks here when they end.'
          />
        }
      />
    </>
  );
}
