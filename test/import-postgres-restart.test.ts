/**
 * PostgreSQL restarted in the middle of an import, on a server of the test's own (the shared test server is
 * left alone): the import commits its pages again once the server is back and ends finished with every
 * customer imported once; the HTTP API answers 503 while the server is down and serves again afterwards, and
 * neither stops the process.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/domain/logger.ts';
import { runImport } from '../src/import/import-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { oltpSearchPath } from '../src/storage/oltp-schema.ts';
import { openDb } from '../src/storage/open-db.ts';
import { testApi } from './support/api-fixtures.ts';
import { addMagentoChannel, anytime, testAdapters } from './support/import-fixtures.ts';
import { privatePostgresProblem, startPrivatePostgres } from './support/private-postgres.ts';

const problem = await privatePostgresProblem();
if (problem && process.env.KONTOR_REQUIRE_PG === '1') {
  throw new Error(`KONTOR_REQUIRE_PG=1 but no private PostgreSQL server can be started: ${problem}`);
}

describe.skipIf(problem !== null)(
  `PostgreSQL restarted during an import${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    it('rides out the restart: the import finishes complete, the API answers 503 meanwhile and then serves', async () => {
      const uncaught: unknown[] = [];
      const onUncaught = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', onUncaught);
      const server = await startPrivatePostgres();
      const db = (await openDb(server.url)).withSearchPath(oltpSearchPath('default')); // the OLTP database the CLI works on
      const sim = await startMagentoSimulator({ customers: 600, seed: 5, brokenShare: 0, latencyMs: 15 });
      try {
        const api = testApi(db);
        await api.addUser('alice', 'administrator');
        const alice = await api.as('alice');
        await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '20' } });
        let restarted: Promise<{ during: number }> | null = null;
        const run = await runImport(
          { db, adapters: testAdapters, logger: silentLogger },
          { ...anytime('shop'), confirmAllWarnings: true },
          {
            onProgress: (counts) => {
              if (restarted !== null || counts.read < 100) return;
              restarted = (async () => {
                await server.halt();
                // While the server is down the API answers (503), then the server comes back.
                const during = (await alice.get('/api/system')).statusCode;
                await new Promise((resolve) => setTimeout(resolve, 500));
                await server.start();
                return { during };
              })();
            },
          },
        );
        const outage = await (restarted as Promise<{ during: number }> | null);
        expect(outage).not.toBeNull();
        expect(run).toMatchObject({
          state: 'finished',
          error: null,
          counts: { read: 600, created: expect.any(Number) },
        });
        const { rows } = await db.query<{ links: string; ids: string }>(
          'select count(*) as links, count(distinct external_id) as ids from channel_link',
        );
        expect(rows[0]).toEqual({ links: '600', ids: '600' });
        expect(outage?.during).toBe(503);
        expect((await alice.get('/api/system')).statusCode).toBe(200);
        expect(uncaught).toEqual([]);
      } finally {
        process.off('uncaughtException', onUncaught);
        await sim.close();
        await db.close().catch(() => undefined);
        await server.stop();
      }
    });
  },
);
