/**
 * The actions on one record of the Review page, as icons with tooltips; a record that matches several partners
 * (MATCH_AMBIGUOUS) gets "Link to partner" (one of its candidates) and "Create new partner" instead of Confirm.
 */
import { ActionIcon, Button, Group, Menu, Stack, Tooltip } from '@mantine/core';
import { IconChecks, IconEyeOff, IconReload } from '@tabler/icons-react';
import { awaitsMatchReview, type OpenRecord, type RecordAction } from '../../api/records.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { ReviewChoice } from './use-record-actions.ts';

/** One record's actions as icons (Confirm only for warnings: a record in error is fixed in the shop). */
export function RowActions(props: {
  record: OpenRecord;
  busy: boolean;
  act: (action: RecordAction, records: readonly OpenRecord[]) => Promise<void>;
  review: (record: OpenRecord, choice: ReviewChoice) => Promise<void>;
}) {
  const t = useT();
  const { record, busy, act, review } = props;
  const id = record.externalId;
  const matching = awaitsMatchReview(record);
  const icons = (
    <Group gap={4} wrap="nowrap">
      {record.level === 'warning' && !matching && (
        <Tooltip label={t('records.confirmTip')}>
          <ActionIcon
            variant="light"
            color="teal"
            aria-label={t('records.actionOn', { action: t('recordAction.confirm'), id })}
            disabled={busy}
            onClick={() => act('confirm', [record])}
            data-testid={`record-${id}-confirm`}
          >
            <IconChecks size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label={t('records.ignoreTip')}>
        <ActionIcon
          variant="light"
          color="gray"
          aria-label={t('records.actionOn', { action: t('recordAction.ignore'), id })}
          disabled={busy}
          onClick={() => act('ignore', [record])}
          data-testid={`record-${id}-ignore`}
        >
          <IconEyeOff size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('records.retryTip')}>
        <ActionIcon
          variant="light"
          aria-label={t('records.actionOn', { action: t('recordAction.retry'), id })}
          disabled={busy}
          onClick={() => act('retry', [record])}
          data-testid={`record-${id}-retry`}
        >
          <IconReload size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
  if (!matching) return icons;
  // A decision between partners: two labelled buttons, one above the other, then the usual icons.
  return (
    <Stack gap={4} align="flex-start">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" px={5} variant="light" disabled={busy} data-testid={`record-${id}-link`}>
            {t('records.linkToPartner')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('records.partnersThatMatch')}</Menu.Label>
          {record.candidates.map((number) => (
            <Menu.Item
              key={number}
              onClick={() => review(record, { kind: 'link', partner: number })}
              data-testid={`record-${id}-link-${number}`}
            >
              {t('partner.title', { number })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Tooltip label={t('records.createNewPartner')}>
        <Button
          size="compact-xs"
          px={5}
          variant="light"
          color="teal"
          disabled={busy}
          onClick={() => review(record, { kind: 'new' })}
          data-testid={`record-${id}-create-new`}
        >
          {t('records.newPartner')}
        </Button>
      </Tooltip>
      {icons}
    </Stack>
  );
}
