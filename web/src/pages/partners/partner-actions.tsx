/**
 * What a user decides about a partner in its drawer: Release / Block (any user; imports never change a status)
 * and Merge with another partner of the same type (administrator), choosing which of the two is kept.
 */
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { listPartners, mergePartners, type Partner, setPartnerStatus } from '../../api/partners.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useSession } from '../../session/session-context.ts';
import { displayName } from './partner-name.ts';

interface PartnerActionsProps {
  partner: Partner;
  /** After a change: reload; `survivor` is the partner kept by a merge. */
  onChanged: (survivor?: string) => void;
}

export function PartnerActions({ partner, onChanged }: PartnerActionsProps) {
  const t = useT();
  const { isAdmin } = useSession();
  const [busy, setBusy] = useState(false);
  const [merging, setMerging] = useState(false);
  if (partner.mergedInto !== null) {
    return (
      <Alert color="gray" data-testid="partner-merged-note">
        {t('partner.mergedNote', { number: partner.mergedInto })}
      </Alert>
    );
  }

  async function changeStatus(action: 'release' | 'block') {
    setBusy(true);
    try {
      const changed = await setPartnerStatus(partner.number, action);
      notifications.show({
        color: action === 'release' ? 'green' : 'orange',
        message: t('partner.statusChanged', { number: changed.number, status: t(`state.${changed.status}`) }),
      });
      onChanged();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="sm">
      {partner.status === 'Blocked' ? (
        <Button
          size="xs"
          color="green"
          leftSection={<IconLockOpen size={14} />}
          loading={busy}
          onClick={() => void changeStatus('release')}
          data-testid="partner-release"
        >
          {t('partner.release')}
        </Button>
      ) : (
        <Button
          size="xs"
          color="orange"
          variant="light"
          leftSection={<IconLock size={14} />}
          loading={busy}
          onClick={() => void changeStatus('block')}
          data-testid="partner-block"
        >
          {t('partner.block')}
        </Button>
      )}
      {isAdmin && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowMerge size={14} />}
          onClick={() => setMerging(true)}
          data-testid="partner-merge"
        >
          {t('partner.mergeOpen')}
        </Button>
      )}
      {merging && (
        <MergeDialog
          partner={partner}
          onClose={() => setMerging(false)}
          onMerged={(survivor) => {
            setMerging(false);
            onChanged(survivor);
          }}
        />
      )}
    </Group>
  );
}

function MergeDialog({
  partner,
  onClose,
  onMerged,
}: {
  partner: Partner;
  onClose: () => void;
  onMerged: (survivor: string) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [other, setOther] = useState<string | null>(null);
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data } = useLoader(
    () => listPartners({ q: q.trim(), type: partner.type, limit: 20 }),
    `merge-candidates:${partner.type}:${q}`,
  );
  const candidates = (data?.items ?? []).filter((p) => p.number !== partner.number);
  const kept = keep === 'this' ? partner.number : other;
  const removed = keep === 'this' ? other : partner.number;

  async function merge() {
    if (!kept || !removed) return;
    setBusy(true);
    setError(null);
    try {
      const result = await mergePartners(kept, removed);
      notifications.show({
        color: 'green',
        message: t('partner.mergeDone', {
          removed: result.removed,
          kept: result.kept,
          links: result.moved.links,
          addresses: result.moved.addresses,
          contacts: result.moved.contacts,
        }),
      });
      onMerged(result.kept);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('partner.mergeTitle', { number: partner.number })} size="lg">
      <Stack gap="sm" data-testid="merge-dialog">
        <Text size="sm">{t('partner.mergeExplain', { type: partner.type })}</Text>
        <Select
          label={t('partner.mergeWith')}
          placeholder={t('partner.mergeSearch')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={candidates.map((p) => ({
            value: p.number,
            label: `${p.number} ${displayName(p)}${p.email ? ` · ${p.email}` : ''}`,
          }))}
          value={other}
          onChange={setOther}
          nothingFoundMessage={t('partner.mergeNoneMatch')}
          data-testid="merge-other"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('partner.keep')}
          </Text>
          <SegmentedControl
            value={keep}
            onChange={(value) => setKeep(value as 'this' | 'other')}
            data={[
              { value: 'this', label: t('partner.keepThis', { number: partner.number }) },
              {
                value: 'other',
                label: other ? t('partner.title', { number: other }) : t('partner.keepOther'),
              },
            ]}
            data-testid="merge-keep"
          />
        </div>
        {kept && removed && (
          <Text size="sm" data-testid="merge-summary">
            {t('partner.mergeSummary', { removed, kept })}
          </Text>
        )}
        {error && (
          <Alert color="red" data-testid="merge-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!kept || !removed}
            loading={busy}
            onClick={() => void merge()}
            data-testid="merge-confirm"
          >
            {t('partner.merge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
