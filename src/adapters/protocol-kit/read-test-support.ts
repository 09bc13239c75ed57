/** Helpers for adapter tests: a read request, reading all pages, and the error a promise rejects with. */
import type { CustomerPage, ReadRequest } from '../adapter.ts';

export const read = (overrides: Partial<ReadRequest> = {}): ReadRequest => ({
  since: null,
  emails: null,
  cursor: null,
  ...overrides,
});

export async function collect(pages: AsyncIterable<CustomerPage>): Promise<CustomerPage[]> {
  const result: CustomerPage[] = [];
  for await (const page of pages) result.push(page);
  return result;
}

/** What `promise` rejects with (undefined if it resolves). */
export const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
