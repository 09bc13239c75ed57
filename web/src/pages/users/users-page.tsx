/** Users (administrators): the list; create with a one-time password; change role; disable or enable. */
import { Button, Select, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { listUsers, type Role, type User, type UserUpdate, updateUser } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useSession } from '../../session/session-context.ts';
import { CreateUserModal } from './create-user-modal.tsx';

export function UsersPage() {
  const t = useT();
  const { user: me, isAdmin } = useSession();
  const { data, error, reload } = useLoader(listUsers, 'users');
  const [creating, setCreating] = useState(false);

  async function change(user: User, update: UserUpdate) {
    try {
      await updateUser(user.name, update);
      notifications.show({ color: 'green', message: t('users.changed', { name: user.name }) });
    } catch (failure) {
      notifications.show({
        color: 'red',
        title: t('users.user', { name: user.name }),
        message: errorMessage(failure),
      });
    }
    reload();
  }

  if (!isAdmin) return <ErrorAlert error={new Error(t('users.adminsOnly'))} title={t('users.notAllowed')} />;
  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            {t('users.new')}
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="users-table"
          head={[
            t('login.user'),
            t('users.displayName'),
            t('users.role'),
            t('partner.active'),
            t('users.lastLogin'),
            t('common.created'),
          ]}
          rows={data.map((user) => (
            <Table.Tr key={user.name} data-testid={`user-row-${user.name}`}>
              <Table.Td fw={500}>
                {user.name}
                {user.name === me.name && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('users.you')}
                  </Text>
                )}
                {user.mustChangePassword && (
                  <Text size="xs" c="orange">
                    {t('users.oneTime')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{user.displayName || '–'}</Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  w={150}
                  aria-label={t('users.roleOf', { name: user.name })}
                  data={[
                    { value: 'user', label: t('shell.roleUser') },
                    { value: 'administrator', label: t('shell.roleAdministrator') },
                  ]}
                  value={user.role}
                  disabled={user.name === me.name}
                  onChange={(role) => role && role !== user.role && change(user, { role: role as Role })}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('users.mayLogIn', { name: user.name })}
                  checked={!user.disabled}
                  disabled={user.name === me.name}
                  onChange={(e) => change(user, { disabled: !e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>{formatDateTime(user.lastLoginAt)}</Table.Td>
              <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
          empty={<EmptyHint title={t('users.none')} icon={<IconUsers size={22} />} />}
        />
      )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
    </>
  );
}
