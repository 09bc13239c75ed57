/**
 * An adapter's data error (a record it could not map) in the run's content language: a sentence per code in
 * the language, with the adapter's own sentence (which names the vendor's fields and values) as its detail.
 * In English the adapter's sentence is the message, as it always was.
 */
import type { RejectedRecord } from '../domain/channel-customer.ts';
import type { Messages } from '../domain/messages/messages.ts';

export function rejectionMessage(
  messages: Messages,
  record: Pick<RejectedRecord, 'code' | 'message'>,
): string {
  const detail = record.message;
  switch (record.code) {
    case 'INVALID_RECORD':
    case 'MISSING_ID':
      return messages.say(record.code, { detail });
    case 'INVALID_DATE':
      return messages.say('INVALID_DATE.channel', { detail });
    case 'INVALID_EMAIL':
      return messages.say('INVALID_EMAIL.channel', { detail });
    default:
      return messages.say('channel.data-error', { detail });
  }
}
