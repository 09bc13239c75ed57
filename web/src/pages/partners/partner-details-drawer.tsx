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
  return (
    <Drawer
      opened={number !== null}
      onClose={onClose}
      title={<Text fw={600}>Partner {number}</Text>}
      size="xl"
    >
      {number !== null && <PartnerDetails number={number} onChanged={onChanged} />}
    </Drawer>
  );
}

function PartnerDetails({ number, onChanged }: { number: string; onChanged: (survivor?: string) => void }) {
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
            Merged into {partner.mergedInto}
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
      <Fieldset legend="Addresses">
        <DataTable
          minWidth={560}
          head={['Street', 'Postal code', 'City', 'Region', 'Country', 'Default']}
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
                  {a.defaultBilling && <Badge color="blue">Billing</Badge>}
                  {a.defaultShipping && <Badge color="cyan">Shipping</Badge>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          empty={
            <Text size="sm" c="dimmed">
              No address.
            </Text>
          }
        />
      </Fieldset>
      <Fieldset legend="Contacts">
        <DataTable
          minWidth={520}
          head={['Name', 'Function', 'E-mail', 'Phone']}
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
              No contact persons.
            </Text>
          }
        />
      </Fieldset>
      <Fieldset legend="Sales channel links">
        <DataTable
          minWidth={560}
          testId="partner-links"
          head={['Sales channel', 'External id', 'Imported at', 'Deleted at', 'Active']}
          rows={partner.links.map((link) => (
            <Table.Tr key={`${link.channel}:${link.externalId}`}>
              <Table.Td>{link.channel}</Table.Td>
              <Table.Td ff="monospace">{link.externalId}</Table.Td>
              <Table.Td>{formatDateTime(link.importedAt)}</Table.Td>
              <Table.Td c={link.deletedAt ? 'red' : undefined}>{formatDateTime(link.deletedAt)}</Table.Td>
              <Table.Td>
                <StateBadge
                  state={link.active ? 'linked' : 'deleted'}
                  label={link.active ? 'active' : 'inactive'}
                />
              </Table.Td>
            </Table.Tr>
          ))}
          empty={
            <Text size="sm" c="dimmed">
              No channel links.
            </Text>
          }
        />
      </Fieldset>
      <PartnerHistoryTable number={partner.number} version={version} />
    </Stack>
  );
}

function MasterData({ partner }: { partner: Partner }) {
  return (
    <Fieldset legend="Partner">
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <LabeledValue label="Number">{partner.number}</LabeledValue>
        <LabeledValue label="E-mail">{partner.email}</LabeledValue>
        <LabeledValue label="First name">{partner.firstName}</LabeledValue>
        <LabeledValue label="Last name">{partner.lastName}</LabeledValue>
        <LabeledValue label="Company">{partner.company}</LabeledValue>
        <LabeledValue label="Tax id (TIN)">{partner.taxId}</LabeledValue>
        <LabeledValue label="Sales tax classification">{partner.salesTaxClassification}</LabeledValue>
        <LabeledValue label="Sales representative">{partner.salesRepresentative}</LabeledValue>
        <LabeledValue label="Phones">{partner.phones.join(', ')}</LabeledValue>
        <LabeledValue label="Websites">{partner.websites.join(', ')}</LabeledValue>
      </SimpleGrid>
    </Fieldset>
  );
}
