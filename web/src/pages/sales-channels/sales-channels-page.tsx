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
import { useT } from '../../i18n/i18n-context.ts';
import { useSession } from '../../session/session-context.ts';

export function SalesChannelsPage() {
  const t = useT();
  const { isAdmin } = useSession();
  const navigate = useNavigate();
  const { data, error, reload } = useLoader(listChannels, 'channels');
  const create = isAdmin ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/sales-channels/new')}>
      {t('channel.new')}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader title={t('nav.salesChannels')} description={t('channel.description')} actions={create} />
      <ErrorAlert error={error} onRetry={reload} />
      {!data ? (
        !error && <PageLoader />
      ) : (
        <DataTable
          testId="channels-table"
          minWidth={900}
          head={[
            t('common.name'),
            t('channel.adapter'),
            t('channel.type'),
            'URL',
            'B2B',
            'B2C',
            t('changedSince.lastTransfer'),
            t('home.openRecords'),
            t('common.created'),
          ]}
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
                {channel.type !== 'b2c'
                  ? channel.customerApproval
                    ? t('channel.customerApproval')
                    : t('state.Blocked')
                  : '–'}
              </Table.Td>
              <Table.Td>
                {channel.usePseudoPartner
                  ? t('channel.pseudoPartnerIs', { number: channel.pseudoPartnerNumber ?? '' })
                  : '–'}
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
                      {t('channel.toReview', { n: channel.openRecords })}
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
              title={t('channels.noneYet')}
              icon={<IconBuildingStore size={22} />}
              hint={isAdmin ? t('channel.noneYetAdmin') : t('channel.noneYetUser')}
              action={create}
            />
          }
        />
      )}
    </>
  );
}
