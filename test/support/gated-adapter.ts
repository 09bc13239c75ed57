/**
 * A Magento adapter that stops after its first page until the test opens the gate: the import has committed
 * that page and waits, so a test can look at the system in the middle of a run (no timing involved).
 */
import { createMagentoAdapter } from '../../src/adapters/magento/adapter.ts';
import { type AdapterRegistry, createAdapterRegistry } from '../../src/adapters/registry.ts';
import { importCustomersApplication } from '../../src/batch/applications/import-customers-app.ts';
import { BatchApplications } from '../../src/batch/batch-application.ts';

export interface GatedImport {
  adapters: AdapterRegistry;
  applications: BatchApplications;
  /** Resolves once the first page is committed and the read waits for the gate. */
  firstPageCommitted: Promise<void>;
  open(): void;
}

export function gatedImport(): GatedImport {
  const magento = createMagentoAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } });
  let reached: () => void = () => undefined;
  let open: () => void = () => undefined;
  const firstPageCommitted = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const adapters = createAdapterRegistry([
    {
      ...magento,
      async *readCustomers(connection, request) {
        let pages = 0;
        for await (const page of magento.readCustomers(connection, request)) {
          // Asked for the second page: the import committed the first before it asked.
          if (pages++ === 1) {
            reached();
            await gate;
          }
          yield page;
        }
      },
    },
  ]);
  return {
    adapters,
    applications: new BatchApplications([importCustomersApplication(adapters)]),
    firstPageCommitted,
    open: () => open(),
  };
}
