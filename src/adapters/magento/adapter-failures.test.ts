/** The Magento adapter's failures against the simulator, over HTTP: auth, network, retries, limits, aborts. */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  collect,
  connection,
  idsOf,
  read,
  searchRequests,
  useAdapterTest,
} from '../../../test/support/magento-simulator.ts';
import { AbortedError, AuthError, BugError, ConfigError, TransientError } from '../../domain/errors.ts';

const { start, adapter, retries } = useAdapterTest();

describe('failures', () => {
  it('puts only a bounded, masked excerpt of an unexpected answer into the detail (logs), not the whole body', async () => {
    const token = 'tok3n-secret-value';
    const customers = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      email: `customer${i}@example.com`,
      echo: `${token} ${Buffer.from(token).toString('base64')}`,
    }));
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ customers }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await collect(adapter.readCustomers({ url, settings: { token } }, read())).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BugError);
      expect(error).toMatchObject({ code: 'MAGENTO_UNEXPECTED_RESPONSE' });
      const detail = (error as BugError).detail ?? '';
      expect(detail).toContain('customer0@example.com');
      expect(detail).not.toContain('customer399@example.com');
      expect(detail.length).toBeLessThanOrEqual(400);
      expect(detail).not.toContain(token);
      expect(detail).not.toContain(Buffer.from(token).toString('base64').slice(0, 12));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reports a wrong token as an AuthError that names the host, gives advice and hides the token', async () => {
    const sim = await start();
    const pages = adapter.readCustomers({ url: sim.url, settings: { token: 'wrong-token-123' } }, read());
    const error = await collect(pages).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    const message = (error as AuthError).message;
    expect(message).toContain(new URL(sim.url).host);
    expect(message).toContain("The consumer isn't authorized to access Magento_Customer::customer.");
    expect(message).toContain('standalone bearer tokens');
    expect(message).not.toContain('wrong-token-123');
    expect(searchRequests(sim)).toHaveLength(1);
  });

  it('reports an unreachable shop as a TransientError after the retries', async () => {
    const error = await collect(
      adapter.readCustomers({ url: 'http://127.0.0.1:9', settings: { token: 't0ken' } }, read()),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'CHANNEL_UNREACHABLE' });
    expect((error as Error).message).toContain('127.0.0.1:9');
    expect(retries).toHaveLength(2);
  });

  it('retries a 503 and a 429 with Retry-After, then reads everything', async () => {
    const sim = await start({
      failures: [
        { path: '/V1/customers/search', times: 1, status: 503 },
        { path: '/V1/customers/search', times: 1, status: 429, retryAfter: '1' },
      ],
    });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(idsOf(pages)).toHaveLength(sim.store.size);
    expect(retries.map((r) => [r.error.code, r.delayMs])).toEqual([
      ['CHANNEL_SERVER_ERROR', expect.any(Number)],
      ['CHANNEL_RATE_LIMITED', 20],
    ]);
  });

  it("reports a page size above the shop's input limit with Magento's message", async () => {
    const sim = await start({ maxPageSize: 300 });
    const error = await collect(adapter.readCustomers(connection(sim, { pageSize: '500' }), read())).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: 'CHANNEL_BAD_REQUEST' });
    expect((error as Error).message).toContain('Maximum SearchCriteria pageSize is 300.');
  });

  it('reports an unknown store code as CHANNEL_NOT_FOUND', async () => {
    const sim = await start();
    const error = await collect(adapter.readCustomers(connection(sim, { storeCode: 'fr_fr' }), read())).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'CHANNEL_NOT_FOUND', kind: 'config' });
    expect((error as Error).message).toContain('/rest/fr_fr/V1/customers/search');
  });

  it('stops between pages and during a request when the caller aborts', async () => {
    const sim = await start();
    const controller = new AbortController();
    let pages = 0;
    const between = (async () => {
      for await (const _page of adapter.readCustomers(connection(sim), read({ signal: controller.signal }))) {
        pages += 1;
        controller.abort('maximum run time reached');
      }
    })();
    await expect(between).rejects.toBeInstanceOf(AbortedError);
    expect(pages).toBe(1);

    const slow = await start({ latencyMs: 2_000 });
    const during = new AbortController();
    setTimeout(() => during.abort('canceled by user'), 50);
    const started = Date.now();
    await expect(
      collect(adapter.readCustomers(connection(slow), read({ signal: during.signal }))),
    ).rejects.toThrow('The run was stopped: canceled by user.');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops with a BugError when the shop does not honour the filters instead of looping', async () => {
    const item = { id: 1, email: 'a@b.de', firstname: 'A', lastname: 'B', updated_at: '2024-01-01 00:00:00' };
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [item, item], search_criteria: {}, total_count: 2 }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = await collect(
        adapter.readCustomers({ url, settings: { token: 'tok3n', pageSize: '2' } }, read()),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BugError);
      expect(error).toMatchObject({ code: 'MAGENTO_PAGING_STUCK' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
