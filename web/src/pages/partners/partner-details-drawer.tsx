/**
 * A partner's details: master data, addresses (defaults marked), contacts, tax data, channel links, its history;
 * Release / Block and Merge.
 */
import { Badge, Drawer, Fieldset, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { fetchPartner, type Partner } from '../../api/partners.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LabeledValue } from '../../components/labeled-value.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { PartnerActions } from './partner-actions.tsx';
import { PartnerHistoryTable } from './partner-history-table.tsx';
import { displayName } from './partner-name.ts';

interface PartnerDetailsDrawerProps {
  number: string | null;
  onClose: () => void;
  /** A partner changed (status, merge): the list reloads; after a merge `survivor` is the partner kept. */
  onChanged: (survivor?: string) => void;
}

export function PartnerDetailsDrawer({ number, onClose, onChanged }: PartnerDetailsDrawerProps) {
  const t = useT();
  return (
    <Drawer
      opened={number !== null}
      onClose={onClose}
      title={<Text fw={600}>{t('partner.title', { number: number ?? '' })}</Text>}
      size="xl"
    >
      {number !== null && <PartnerDetails number={number} onChanged={onChanged} />}
    </Drawer>
  );
}

function PartnerDetails({ number, onChanged }: { number: string; onChanged: (survivor?: string) => void }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const {
    data: partner,
    error,
    reload,
  } = useLoader(() => fetchPartner(number), `partner:${number}:${version}`);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!partner) return <PageLoader />;
  return (
    <Stack gap="md" data-testid="partner-details">
      <Group gap="sm">
        <Text fw={600} size="lg">
          {displayName(partner)}
        </Text>
        <Badge color={partner.type === 'B2B' ? 'indigo' : 'teal'} variant="outline">
          {partner.type}
        </Badge>
        <StateBadge state={partner.status} />
        {partner.mergedInto !== null && (
          <Badge color="gray" variant="light" data-testid="partner-merged-badge">
            {t('partner.mergedInto', { number: partner.mergedInto })}
          </Badge>
        )}
      </Group>
      <PartnerActions
        partner={partner}
        onChanged={(survivor) => {
          setVersion((v) => v + 1);
          onChanged(survivor);
        }}
      />
      <MasterData partner={partner} />
      <Fieldset legend={t('partner.addresses')}>
        <DataTable
          minWidth={560}
          head={[
            t('partner.street'),
            t('partner.postalCode'),
            t('partner.city'),
            t('partner.region'),
            t('partner.country'),
            t('partner.default'),
          ]}
          rows={partner.addresses.map((a, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: addresses have no id of their own
            <Table.Tr key={index}>
              <Table.Td>{a.street ?? '–'}</Table.Td>
              <Table.Td>{a.postalCode ?? '–'}</Table.Td>
              <Table.Td>{a.city ?? '–'}</Table.Td>
              <Table.Td>{a.region ?? '–'}</Table.Td>
              <Table.Td>{a.country ?? '–'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.defaultBilling && <Badge color="blue">{t('partner.billing')}</Badge>}
                  {a.defaultShipping && <Badge color="cyan">{t('partner.shipping')}</Badge>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          empty={
            <Text size="sm" c="dimmed">
              {t('partner.noAddress')}
            </Text>
          }
        />
      </Fieldset>
      <Fieldset legend={t('partner.contacts')}>
        <DataTable
          minWidth={520}
          head={[t('common.name'), t('partner.function'), t('records.email'), t('partner.phone')]}
          rows={partner.contacts.map((c, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id of their own
            <Table.Tr key={index}>
              <Table.Td>{c.name ?? '–'}</Table.Td>
              <Table.Td>{c.function ?? '–'}</Table.Td>
              <Table.Td>{c.email ?? '–'}</Table.Td>
              <Table.Td>{c.phone ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
          empty={
            <Text size="sm" c="dimmed">
              {t('partner.noContacts')}
            </Text>
          }
        />
      </Fieldset>
      <Fieldset legend={t('partner.links')}>
        <DataTable
          minWidth={560}
          testId="partner-links"
          head={[
            t('settings.channel'),
            t('log.externalId'),
            t('partner.importedAt'),
            t('partner.deletedAt'),
            t('partner.active'),
          ]}
          rows={partner.links.map((link) => (
            <Table.Tr key={`${link.channel}:${link.externalId}`}>
              <Table.Td>{link.channel}</Table.Td>
              <Table.Td ff="monospace">{link.externalId}</Table.Td>
              <Table.Td>{formatDateTime(link.importedAt)}</Table.Td>
              <Table.Td c={link.deletedAt ? 'red' : undefined}>{formatDateTime(link.deletedAt)}</Table.Td>
              <Table.Td>
                <StateBadge
                  state={link.active ? 'linked' : 'deleted'}
                  label={link.active ? t('partner.linkActive') : t('partner.linkInactive')}
                />
              </Table.Td>
            </Table.Tr>
          ))}
          empty={
            <Text size="sm" c="dimmed">
              {t('partner.noLinks')}
            </Text>
          }
        />
      </Fieldset>
      <PartnerHistoryTable number={partner.number} version={version} />
    </Stack>
  );
}

function MasterData({ partner }: { partner: Partner }) {
  const t = useT();
  return (
    <Fieldset legend={t('log.partner')}>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <LabeledValue label={t('partner.number')}>{partner.number}</LabeledValue>
        <LabeledValue label={t('records.email')}>{partner.email}</LabeledValue>
        <LabeledValue label={t('partner.firstName')}>{partner.firstName}</LabeledValue>
        <LabeledValue label={t('partner.lastName')}>{partner.lastName}</LabeledValue>
        <LabeledValue label={t('partner.company')}>{partner.company}</LabeledValue>
        <LabeledValue label={t('partner.taxId')}>{partner.taxId}</LabeledValue>
        <LabeledValue label={t('partner.salesTax')}>{partner.salesTaxClassification}</LabeledValue>
        <LabeledValue label={t('partner.salesRep')}>{partner.salesRepresentative}</LabeledValue>
        <LabeledValue label={t('partner.phones')}>{partner.phones.join(', ')}</LabeledValue>
        <LabeledValue label={t('partner.websites')}>{partner.websites.join(', ')}</LabeledValue>
      </SimpleGrid>
    </Fieldset>
  );
}
