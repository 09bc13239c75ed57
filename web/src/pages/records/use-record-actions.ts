/**
 * Confirm, ignore or retry records (one or many): one request per channel, as the API takes them; what was
 * handled and what could not be (with the reason) is said in a notification. The review of a match (link to a
 * partner, create a new one) acts on one record.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  ACTION_LABELS,
  actOnRecords,
  createNewPartner,
  linkRecord,
  type OpenRecord,
  type RecordAction,
} from '../../api/records.ts';

/** A decision on a record awaiting the review of its match. */
export type ReviewChoice = { kind: 'link'; partner: string } | { kind: 'new' };

export function useRecordActions(onDone: () => void) {
  const [busy, setBusy] = useState<RecordAction | 'review' | null>(null);

  async function review(record: OpenRecord, choice: ReviewChoice) {
    setBusy('review');
    const what =
      choice.kind === 'link'
        ? `Link ${record.externalId} to partner ${choice.partner}`
        : 'Create new partner';
    let failure: string | null = null;
    try {
      const result =
        choice.kind === 'link'
          ? await linkRecord(record.channel, record.externalId, choice.partner)
          : await createNewPartner(record.channel, [record.externalId]);
      failure = result.failed[0]?.message ?? null;
    } catch (error) {
      failure = errorMessage(error);
    } finally {
      setBusy(null);
    }
    notifications.show({
      color: failure === null ? 'green' : 'red',
      title: failure === null ? `${what}: done` : `${what}: not done`,
      message:
        failure ??
        (choice.kind === 'link'
          ? `Customer ${record.externalId} is imported onto partner ${choice.partner}.`
          : `Customer ${record.externalId} is imported as a new partner.`),
      autoClose: failure === null ? 4000 : false,
    });
    onDone();
  }

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

  return { busy, act, review };
}
