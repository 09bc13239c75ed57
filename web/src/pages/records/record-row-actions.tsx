/** The actions on one record of the Review page, as icons with tooltips. */
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconChecks, IconEyeOff, IconReload } from '@tabler/icons-react';
import type { OpenRecord, RecordAction } from '../../api/records.ts';
import { useT } from '../../i18n/i18n-context.ts';

/** One record's actions as icons (Confirm only for warnings: a record in error is fixed in the shop). */
export function RowActions(props: {
  record: OpenRecord;
  busy: boolean;
  act: (action: RecordAction, records: readonly OpenRecord[]) => Promise<void>;
}) {
  const t = useT();
  const { record, busy, act } = props;
  const id = record.externalId;
  return (
    <Group gap={4} wrap="nowrap">
      {record.level === 'warning' && (
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
}
