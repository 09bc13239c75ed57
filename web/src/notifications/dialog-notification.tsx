/** A dialog window about a job of the user (run ended, timeout, series canceled, missed). */
import { Anchor, Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Notification } from '../api/notifications.ts';
import { formatDateTime } from '../format/date-time.ts';
import { useT } from '../i18n/i18n-context.ts';

interface DialogNotificationProps {
  notification: Notification;
  /** How many more dialogs wait after this one. */
  remaining: number;
  onClose: () => void;
}

export function DialogNotification({ notification, remaining, onClose }: DialogNotificationProps) {
  const t = useT();
  const bad = notification.hasErrors;
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      size="md"
      data-testid="notification-dialog"
      title={
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color={bad ? 'red' : 'green'} variant="light" radius="xl" style={{ flexShrink: 0 }}>
            {bad ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
          </ThemeIcon>
          <Text fw={600} lh={1.4}>
            {notification.title}
          </Text>
        </Group>
      }
    >
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {notification.message}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(notification.createdAt)}
          {remaining > 0 && ` · ${t('notifications.more', { count: remaining })}`}
        </Text>
        <Group justify="space-between" mt="xs">
          {notification.jobId !== null ? (
            <Anchor component={Link} to={`/batch-jobs/${notification.jobId}`} size="sm" onClick={onClose}>
              {t('notifications.showJob', { id: notification.jobId })}
            </Anchor>
          ) : (
            <span />
          )}
          <Button onClick={onClose}>{t('common.ok')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
