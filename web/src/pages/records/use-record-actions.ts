/**
 * Confirm, ignore or retry records (one or many): one request per channel, as the API takes them; what was
 * handled and what could not be (with the reason) is said in a notification.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { ACTION_KEYS, actOnRecords, type OpenRecord, type RecordAction } from '../../api/records.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';

const DONE = {
  confirm: 'records.doneConfirm',
  ignore: 'records.doneIgnore',
  retry: 'records.doneRetry',
} as const satisfies Record<RecordAction, MessageKey>;

const FAILED = {
  confirm: 'records.failedConfirm',
  ignore: 'records.failedIgnore',
  retry: 'records.failedRetry',
} as const satisfies Record<RecordAction, MessageKey>;

export function useRecordActions(onDone: () => void) {
  const t = useT();
  const [busy, setBusy] = useState<RecordAction | null>(null);

  async function act(action: RecordAction, records: readonly OpenRecord[]) {
    if (records.length === 0) return;
    setBusy(action);
    const byChannel = new Map<string, string[]>();
    for (const record of records)
      byChannel.set(record.channel, [...(byChannel.get(record.channel) ?? []), record.externalId]);
    let handled = 0;
    const failed: string[] = [];
    try {
      for (const [channel, ids] of byChannel) {
        try {
          const result = await actOnRecords(action, channel, ids);
          handled += result.handled.length;
          failed.push(...result.failed.map((item) => `${item.externalId}: ${item.message}`));
        } catch (error) {
          failed.push(`${channel}: ${errorMessage(error)}`);
        }
      }
    } finally {
      setBusy(null);
    }
    const label = t(ACTION_KEYS[action]);
    notifications.show({
      color: failed.length === 0 ? 'green' : handled === 0 ? 'red' : 'yellow',
      title: t('records.handledTitle', { action: label, handled, all: records.length }),
      message:
        failed.length === 0
          ? t(DONE[action], { count: handled })
          : `${t(FAILED[action], { list: failed.slice(0, 5).join(' · ') })}${failed.length > 5 ? ` ${t('records.andMore', { n: failed.length - 5 })}` : ''}`,
      autoClose: failed.length === 0 ? 4000 : false,
    });
    onDone();
  }

  return { busy, act };
}
