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
import { useSession } from '../../session/session-context.ts';
import { CreateUserModal } from './create-user-modal.tsx';

export function UsersPage() {
  const { user: me, isAdmin } = useSession();
  const { data, error, reload } = useLoader(listUsers, 'users');
  const [creating, setCreating] = useState(false);

  async function change(user: User, update: UserUpdate) {
    try {
      await updateUser(user.name, update);
      notifications.show({ color: 'green', message: `User ${user.name} changed.` });
    } catch (failure) {
      notifications.show({ color: 'red', title: `User ${user.name}`, message: errorMessage(failure) });
    }
    reload();
  }

  if (!isAdmin)
    return <ErrorAlert error={new Error('Only administrators manage users.')} title="Not allowed" />;
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may log in to Kontor. New users get a one-time password and choose their own."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="users-table"
          head={['User', 'Display name', 'Role', 'Active', 'Last login', 'Created']}
          rows={data.map((user) => (
            <Table.Tr key={user.name} data-testid={`user-row-${user.name}`}>
              <Table.Td fw={500}>
                {user.name}
                {user.name === me.name && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    (you)
                  </Text>
                )}
                {user.mustChangePassword && (
                  <Text size="xs" c="orange">
                    one-time password
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{user.displayName || '–'}</Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  w={150}
                  aria-label={`Role of ${user.name}`}
                  data={[
                    { value: 'user', label: 'User' },
                    { value: 'administrator', label: 'Administrator' },
                  ]}
                  value={user.role}
                  disabled={user.name === me.name}
                  onChange={(role) => role && role !== user.role && change(user, { role: role as Role })}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`${user.name} may log in`}
                  checked={!user.disabled}
                  disabled={user.name === me.name}
                  onChange={(e) => change(user, { disabled: !e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>{formatDateTime(user.lastLoginAt)}</Table.Td>
              <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
          empty={<EmptyHint title="No users" icon={<IconUsers size={22} />} />}
        />
      )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
    </>
  );
}
