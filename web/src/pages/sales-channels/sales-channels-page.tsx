/** Sales channels: the configured channels; administrators create and edit them. */
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { CHANNEL_TYPE_LABELS, listChannels } from '../../api/channels.ts';
import { reviewPath } from '../../api/records.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useSession } from '../../session/session-context.ts';

export function SalesChannelsPage() {
  const { isAdmin } = useSession();
  const navigate = useNavigate();
  const { data, error, reload } = useLoader(listChannels, 'channels');
  const create = isAdmin ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/sales-channels/new')}>
      New sales channel
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader
        title="Sales channels"
        description="The shops and systems customers are imported from, with their adapter settings."
        actions={create}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="channels-table"
          minWidth={900}
          head={['Name', 'Adapter', 'Type', 'URL', 'B2B', 'B2C', 'Last transfer', 'Open records', 'Created']}
          rows={data.map((channel) => (
            <Table.Tr
              key={channel.id}
              className="kontor-clickable-row"
              onClick={() => navigate(`/sales-channels/${encodeURIComponent(channel.name)}`)}
              data-testid={`channel-row-${channel.name}`}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/sales-channels/${encodeURIComponent(channel.name)}`}
                  size="sm"
                  fw={500}
                >
                  {channel.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{channel.adapterLabel}</Table.Td>
              <Table.Td>
                <Badge color="gray" variant="outline">
                  {CHANNEL_TYPE_LABELS[channel.type]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate maw={260} title={channel.url}>
                  {channel.url}
                </Text>
              </Table.Td>
              <Table.Td>
                {channel.type !== 'b2c' ? (channel.customerApproval ? 'Customer approval' : 'Blocked') : '–'}
              </Table.Td>
              <Table.Td>
                {channel.usePseudoPartner ? `Pseudo partner ${channel.pseudoPartnerNumber ?? ''}` : '–'}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(channel.watermark)}</Table.Td>
              <Table.Td>
                {channel.openRecords > 0 ? (
                  <Anchor
                    component={Link}
                    to={reviewPath({ channel: channel.name })}
                    size="sm"
                    onClick={(event) => event.stopPropagation()}
                    data-testid={`channel-open-records-${channel.name}`}
                  >
                    <Badge color="orange" variant="light" style={{ cursor: 'pointer' }}>
                      {channel.openRecords} to review
                    </Badge>
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed" data-testid={`channel-open-records-${channel.name}`}>
                    0
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(channel.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
          empty={
            <EmptyHint
              title="No sales channels yet"
              icon={<IconBuildingStore size={22} />}
              hint={
                isAdmin
                  ? 'Create one for each shop you import customers from.'
                  : 'An administrator creates them.'
              }
              action={create}
            />
          }
        />
      )}
    </>
  );
}
