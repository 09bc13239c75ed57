/** The partners found: number, name, type, status, e-mail, city, channel links. */
import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { Partner } from '../../api/partners.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDate } from '../../format/date-time.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { displayName } from './partner-name.ts';

interface PartnerTableProps {
  partners: Partner[];
  filtered: boolean;
  onOpen: (partner: Partner) => void;
}

export function PartnerTable({ partners, filtered, onOpen }: PartnerTableProps) {
  const t = useT();
  const rows = partners.map((partner) => {
    const city = partner.addresses.find((a) => a.defaultBilling)?.city ?? partner.addresses[0]?.city ?? null;
    return (
      <Table.Tr
        key={partner.number}
        className="kontor-clickable-row"
        onClick={() => onOpen(partner)}
        data-testid={`partner-row-${partner.number}`}
      >
        <Table.Td ff="monospace">{partner.number}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {displayName(partner)}
          </Text>
          {partner.company && partner.company !== displayName(partner) && (
            <Text size="xs" c="dimmed">
              {partner.company}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Badge color={partner.type === 'B2B' ? 'indigo' : 'teal'} variant="outline">
            {partner.type}
          </Badge>
        </Table.Td>
        <Table.Td>
          <StateBadge state={partner.status} />
        </Table.Td>
        <Table.Td>{partner.email ?? '–'}</Table.Td>
        <Table.Td>{city ?? '–'}</Table.Td>
        <Table.Td>
          <Group gap={4}>
            {partner.links.map((link) => (
              <Tooltip
                key={`${link.channel}:${link.externalId}`}
                label={
                  link.deletedAt
                    ? t('partner.deletedOn', { channel: link.channel, date: formatDate(link.deletedAt) })
                    : t('partner.linkTip', { channel: link.channel, id: link.externalId })
                }
              >
                <Badge
                  color={link.active ? 'gray' : 'red'}
                  variant={link.active ? 'light' : 'outline'}
                  tt="none"
                >
                  {link.channel}
                  {!link.active && ` (${t('state.deleted')})`}
                </Badge>
              </Tooltip>
            ))}
          </Group>
        </Table.Td>
      </Table.Tr>
    );
  });
  return (
    <DataTable
      testId="partners-table"
      minWidth={900}
      head={[
        t('partner.number'),
        t('common.name'),
        t('channel.type'),
        t('common.status'),
        t('records.email'),
        t('partner.city'),
        t('partner.channelLinks'),
      ]}
      rows={rows}
      empty={
        <EmptyHint
          icon={<IconUsersGroup size={22} />}
          title={filtered ? t('partner.noneMatch') : t('partner.noneYet')}
          hint={filtered ? t('partner.noneMatchHint') : t('partner.noneYetHint')}
        />
      }
    />
  );
}
