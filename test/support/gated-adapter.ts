/**
 * A Magento adapter that stops after its first page until the test opens the gate, so a test can look at the
 * system in the middle of a run. The import reads ahead (src/import/page-pipeline.ts): it asks for the second
 * page while it still writes the first, so `secondPageAsked` says only that the read waits; a test polls for
 * the first page's commit.
 */
import { createMagentoAdapter } from '../../src/adapters/magento/adapter.ts';
import { type AdapterRegistry, createAdapterRegistry } from '../../src/adapters/registry.ts';
import { importCustomersApplication } from '../../src/batch/applications/import-customers-app.ts';
import { BatchApplications } from '../../src/batch/batch-application.ts';

export interface GatedImport {
  adapters: AdapterRegistry;
  applications: BatchApplications;
  /** Resolves once the import asked for the second page (the read waits for the gate from then on). */
  secondPageAsked: Promise<void>;
  open(): void;
}

export function gatedImport(): GatedImport {
  const magento = createMagentoAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } });
  let reached: () => void = () => undefined;
  let open: () => void = () => undefined;
  const secondPageAsked = new Promise<void>((resolve) => {
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
          // Asked for the second page: the first is with the import (committed, or being written).
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
    secondPageAsked,
    open: () => open(),
  };
}
