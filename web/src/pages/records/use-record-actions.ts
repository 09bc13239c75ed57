/**
 * Confirm, ignore or retry records (one or many): one request per channel, as the API takes them; what was
 * handled and what could not be (with the reason) is said in a notification.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { ACTION_LABELS, actOnRecords, type OpenRecord, type RecordAction } from '../../api/records.ts';

export function useRecordActions(onDone: () => void) {
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
    const verb = ACTION_LABELS[action].toLowerCase();
    notifications.show({
      color: failed.length === 0 ? 'green' : handled === 0 ? 'red' : 'yellow',
      title: `${ACTION_LABELS[action]}: ${handled} of ${records.length} handled`,
      message:
        failed.length === 0
          ? `${handled} record${handled === 1 ? '' : 's'}: ${verb} done.`
          : `Could not ${verb}: ${failed.slice(0, 5).join(' · ')}${failed.length > 5 ? ` (and ${failed.length - 5} more)` : ''}`,
      autoClose: failed.length === 0 ? 4000 : false,
    });
    onDone();
  }

  return { busy, act };
}
