/**
 * The benchmark's held pages (bench/support/held-pages.ts) hand out exactly the pages the adapter
 * delivered, in order, and count their records as the write-only measurement needs them.
 */
import { expect, it } from 'vitest';
import { HeldPages } from '../bench/support/held-pages.ts';
import { generatedCustomer } from '../bench/write-only.ts';
import type { CustomerPage } from '../src/adapters/adapter.ts';

it('hands out the pages as they were added, and counts customers and rejected records', async () => {
  const pages: CustomerPage[] = [
    { customers: [generatedCustomer(0), generatedCustomer(5)], rejected: [], deleted: [], cursor: '2' },
    {
      customers: [generatedCustomer(2)],
      rejected: [
        {
          externalId: '9',
          code: 'NO_EMAIL',
          message: 'no e-mail',
          updatedAt: null,
          raw: { id: 9, when: new Date(0) },
        },
      ],
      deleted: [],
      cursor: null,
      total: 4,
    },
  ];
  const held = new HeldPages();
  for (const page of pages) held.add(page);
  const out: CustomerPage[] = [];
  for await (const page of held) out.push(page);
  expect(out).toEqual(pages);
  expect(held.records).toBe(4);
});
