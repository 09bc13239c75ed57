/**
 * Confirm, ignore or retry records (one or many): one request per channel, as the API takes them; what was
 * handled and what could not be (with the reason) is said in a notification. The review of a match (link to a
 * partner, create a new one) acts on one record.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  ACTION_KEYS,
  actOnRecords,
  createNewPartner,
  linkRecord,
  type OpenRecord,
  type RecordAction,
} from '../../api/records.ts';
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

/** A decision on a record awaiting the review of its match. */
export type ReviewChoice = { kind: 'link'; partner: string } | { kind: 'new' };

export function useRecordActions(onDone: () => void) {
  const t = useT();
  const [busy, setBusy] = useState<RecordAction | 'review' | null>(null);

  async function review(record: OpenRecord, choice: ReviewChoice) {
    setBusy('review');
    const id = record.externalId;
    const what =
      choice.kind === 'link'
        ? t('records.reviewLinkWhat', { id, partner: choice.partner })
        : t('records.createNewPartner');
    let failure: string | null = null;
    try {
      const result =
        choice.kind === 'link'
          ? await linkRecord(record.channel, id, choice.partner)
          : await createNewPartner(record.channel, [id]);
      failure = result.failed[0]?.message ?? null;
    } catch (error) {
      failure = errorMessage(error);
    } finally {
      setBusy(null);
    }
    notifications.show({
      color: failure === null ? 'green' : 'red',
      title: failure === null ? t('records.reviewDone', { what }) : t('records.reviewNotDone', { what }),
      message:
        failure ??
        (choice.kind === 'link'
          ? t('records.reviewLinked', { id, partner: choice.partner })
          : t('records.reviewCreated', { id })),
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

  return { busy, act, review };
}
