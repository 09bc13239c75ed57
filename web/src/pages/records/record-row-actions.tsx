/**
 * The actions on one record of the Review page, as icons with tooltips; a record that matches several partners
 * (MATCH_AMBIGUOUS) gets "Link to partner" (one of its candidates) and "Create new partner" instead of Confirm.
 */
import { ActionIcon, Button, Group, Menu, Tooltip } from '@mantine/core';
import { IconChecks, IconEyeOff, IconLink, IconReload, IconUserPlus } from '@tabler/icons-react';
import { awaitsMatchReview, type OpenRecord, type RecordAction } from '../../api/records.ts';
import type { ReviewChoice } from './use-record-actions.ts';

/** One record's actions as icons (Confirm only for warnings: a record in error is fixed in the shop). */
export function RowActions(props: {
  record: OpenRecord;
  busy: boolean;
  act: (action: RecordAction, records: readonly OpenRecord[]) => Promise<void>;
  review: (record: OpenRecord, choice: ReviewChoice) => Promise<void>;
}) {
  const { record, busy, act, review } = props;
  const id = record.externalId;
  const matching = awaitsMatchReview(record);
  return (
    <Group gap={4} wrap="nowrap">
      {matching && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconLink size={14} />}
              disabled={busy}
              data-testid={`record-${id}-link`}
            >
              Link to partner
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Partners that match</Menu.Label>
            {record.candidates.map((number) => (
              <Menu.Item
                key={number}
                onClick={() => review(record, { kind: 'link', partner: number })}
                data-testid={`record-${id}-link-${number}`}
              >
                Partner {number}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {matching && (
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          leftSection={<IconUserPlus size={14} />}
          disabled={busy}
          onClick={() => review(record, { kind: 'new' })}
          data-testid={`record-${id}-create-new`}
        >
          Create new partner
        </Button>
      )}
      {record.level === 'warning' && !matching && (
        <Tooltip label="Confirm: import it with its warnings confirmed">
          <ActionIcon
            variant="light"
            color="teal"
            aria-label={`Confirm ${id}`}
            disabled={busy}
            onClick={() => act('confirm', [record])}
            data-testid={`record-${id}-confirm`}
          >
            <IconChecks size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label="Ignore: close it without importing">
        <ActionIcon
          variant="light"
          color="gray"
          aria-label={`Ignore ${id}`}
          disabled={busy}
          onClick={() => act('ignore', [record])}
          data-testid={`record-${id}-ignore`}
        >
          <IconEyeOff size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Retry: read it again from the shop">
        <ActionIcon
          variant="light"
          aria-label={`Retry ${id}`}
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
