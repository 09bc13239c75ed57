/** The logged-in user in the header: change password, log out. */
import { Avatar, Group, Menu, Modal, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../i18n/i18n-context.ts';
import { ChangePasswordForm } from '../session/change-password-form.tsx';
import { useSession } from '../session/session-context.ts';

function initials(name: string): string {
  const parts = name.split(/[\s._-]+/).filter(Boolean);
  return (parts.length > 1 ? `${parts[0]![0]}${parts[1]![0]}` : name.slice(0, 2)).toUpperCase();
}

export function UserMenu() {
  const { user, isAdmin, signOut } = useSession();
  const t = useT();
  const [changing, setChanging] = useState(false);
  const shownName = user.displayName || user.name;
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={t('shell.userMenuOf', { name: user.name })} data-testid="user-menu">
            <Group gap={8}>
              <Avatar size={30} radius="xl" color="blue">
                {initials(shownName)}
              </Avatar>
              <div>
                <Text size="sm" fw={500} lh={1.2}>
                  {shownName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {isAdmin ? t('shell.roleAdministrator') : t('shell.roleUser')}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('shell.loggedInAs', { name: user.name })}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            {t('shell.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
            {t('shell.logOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={() => setChanging(false)} title={t('shell.changePassword')}>
        <ChangePasswordForm
          userName={user.name}
          onCancel={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            notifications.show({ color: 'green', message: t('shell.passwordChanged') });
          }}
        />
      </Modal>
    </>
  );
}
