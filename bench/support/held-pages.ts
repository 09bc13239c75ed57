/**
 * The adapter's pages, read before a "write only" measurement and held until it runs: each page
 * v8-serialised into a Buffer of its own, outside the JavaScript heap, so that 100,000 held customers
 * (about 100 MiB of objects) give the garbage collector nothing to trace while the write is measured. A
 * page is deserialised when it is handed out, and comes back as the adapter delivered it.
 */
import { deserialize, serialize } from 'node:v8';
import type { CustomerPage } from '../../src/adapters/adapter.ts';

export class HeldPages implements AsyncIterable<CustomerPage> {
  readonly #pages: Buffer[] = [];
  #records = 0;

  /** Customers and rejected records of every page held. */
  get records(): number {
    return this.#records;
  }

  add(page: CustomerPage): void {
    this.#pages.push(serialize(page));
    this.#records += page.customers.length + page.rejected.length;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CustomerPage> {
    for (const page of this.#pages) yield deserialize(page) as CustomerPage;
  }
}
