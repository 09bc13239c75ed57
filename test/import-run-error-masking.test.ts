/**
 * Run errors and the logged detail of a failed run never hold a secret setting of the channel, in whatever
 * form an adapter let it slip through (issue 11, defect 11): the import masks them with the channel's secrets.
 */
import { expect, it } from 'vitest';
import { createMagentoAdapter } from '../src/adapters/magento/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { BugError, TransientError } from '../src/domain/errors.ts';
import { runImport } from '../src/import/import-service.ts';
import { captureLogger } from './support/capture-logger.ts';
import { anytime, createChannel } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const TOKEN = 'magento-token-0815-secret';
const copies = [
  TOKEN,
  Buffer.from(TOKEN).toString('base64'),
  Buffer.from(`Bearer:${TOKEN}`).toString('base64'),
  Buffer.from(TOKEN).toString('hex'),
  encodeURIComponent(`${TOKEN}`),
].join(' ');

function leakingAdapters(error: Error) {
  const magento = createMagentoAdapter();
  return createAdapterRegistry([
    {
      ...magento,
      // biome-ignore lint/correctness/useYield: it fails before its first page
      async *readCustomers() {
        throw error;
      },
    },
  ]);
}

describeEachDb('Import customers: secrets in run errors', (getDb) => {
  for (const error of [
    new TransientError('CHANNEL_SERVER_ERROR', `The shop said: ${copies}`),
    new BugError('MAGENTO_UNEXPECTED_RESPONSE', `Odd answer: ${copies}`, { detail: `body ${copies}` }),
  ]) {
    it(`masks every copy of a secret setting in the run error and the log (${error.name})`, async () => {
      const db = getDb();
      const adapters = leakingAdapters(error);
      await createChannel(db, adapters, {
        name: 'shop',
        adapter: 'magento',
        type: 'b2b-b2c',
        url: 'http://127.0.0.1:9',
        settings: { token: TOKEN },
      });
      const { logger, lines } = captureLogger();
      const run = await runImport({ db, adapters, logger }, anytime('shop'));
      // The internal detail of a bug, logged as an error; the other lines (run started, run failed) too hold no secret.
      const logged = lines.filter((line) => line.level === 'error').map((line) => line.message);
      expect(run.state).toBe('failed');
      expect(run.error?.code).toBe(
        error instanceof BugError ? 'MAGENTO_UNEXPECTED_RESPONSE' : 'CHANNEL_SERVER_ERROR',
      );
      for (const text of [run.error?.message ?? '', ...logged]) {
        expect(text).toContain('***');
        expect(text).not.toContain('0815');
        expect(text).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 16));
        expect(text).not.toContain(Buffer.from(TOKEN).toString('hex').slice(0, 16));
      }
      expect(logged).toHaveLength(error instanceof BugError ? 1 : 0);
      const everything = JSON.stringify(lines);
      expect(everything).not.toContain('0815');
      expect(everything).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 16));
    });
  }
});
