/** The bell in the header: open workflow tasks; a click opens the Workflow inbox. */
import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.ts';
import { useNotificationCenter } from '../notifications/notification-context.ts';

export function InboxIndicator() {
  const { tasks } = useNotificationCenter();
  const navigate = useNavigate();
  const t = useT();
  const count = tasks.length;
  const label = count === 0 ? t('shell.inboxNone') : t('shell.inboxLabel', { count });
  return (
    <Tooltip label={label}>
      <Indicator label={count} size={16} disabled={count === 0} offset={4} color="red">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          data-testid="inbox-indicator"
          data-count={count}
          onClick={() => navigate('/inbox')}
        >
          <IconBell size={20} stroke={1.6} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
