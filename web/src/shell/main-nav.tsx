/** The navbar: one link per application; Users only for administrators. */
import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n-context.ts';
import { useNotificationCenter } from '../notifications/notification-context.ts';
import { useSession } from '../session/session-context.ts';
import { NAV_ITEMS } from './nav-items.ts';

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { isAdmin } = useSession();
  const { tasks } = useNotificationCenter();
  const location = useLocation();
  const t = useT();
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={6} lts={0.4}>
        {t('shell.applications')}
      </Text>
      {NAV_ITEMS.filter((item) => isAdmin || !item.adminOnly).map((item) => (
        <NavLink
          key={item.path}
          component={RouterLink}
          to={item.path}
          label={t(item.labelKey)}
          onClick={onNavigate}
          active={location.pathname === item.path || location.pathname.startsWith(`${item.path}/`)}
          leftSection={<item.icon size={18} stroke={1.6} />}
          rightSection={
            item.path === '/inbox' && tasks.length > 0 ? (
              <Badge size="xs" variant="filled" color="red" circle>
                {tasks.length}
              </Badge>
            ) : undefined
          }
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      ))}
    </Stack>
  );
}
