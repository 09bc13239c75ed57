/**
 * By email: which requested addresses the shop returned no customer for. Every address that no record read
 * carries (compared ignoring case; a record the adapter could not map counts by its raw e-mail, where the
 * adapter gives it) is logged EMAIL_NOT_FOUND, a warning, once the read is complete.
 */
import type { CustomerPage } from '../adapters/adapter.ts';
import type { RunLogLine } from '../domain/import-run.ts';
import { ENGLISH_MESSAGES, type Messages } from '../domain/messages/messages.ts';

export class RequestedEmails {
  /** Lower-case address -> the address as requested; emptied as records carrying it are read. */
  private readonly missing = new Map<string, string>();

  constructor(emails: readonly string[] | null) {
    for (const email of emails ?? []) this.missing.set(email.toLowerCase(), email);
  }

  addPage(page: Pick<CustomerPage, 'customers' | 'rejected'>): void {
    if (this.missing.size === 0) return;
    for (const record of [...page.customers, ...page.rejected]) {
      if (record.email) this.missing.delete(record.email.toLowerCase());
    }
  }

  /** The addresses no record carried, in the order they were requested. */
  notFound(): string[] {
    return [...this.missing.values()];
  }

  /** One warning per address the shop does not know. */
  notFoundLog(messages: Messages = ENGLISH_MESSAGES): RunLogLine[] {
    return this.notFound().map((email) => ({
      level: 'warning',
      externalId: null,
      code: 'EMAIL_NOT_FOUND',
      message: messages.say('EMAIL_NOT_FOUND', { email }),
    }));
  }
}
