/**
 * `kontor simulator --control-port`: faults tried from outside. Every simulator's control endpoint stamps
 * change times in the future and revokes tokens where its system has them; error statuses, dropped
 * connections, malformed bodies and bad control requests are checked on one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESSES } from '../src/simulators/harnesses.ts';
import { type FaultControl, MALFORMED_BODY, startFaultControl } from '../src/simulators/kit/fault-control.ts';
import type { SimulatorHarness } from '../src/simulators/kit/harness.ts';

const WITH_TOKENS = new Set(['shopware', 'amazon', 'sfa', 'ibus']);
/** Amazon lists orders updated up to its own present (LastUpdatedBefore), as the real API does: none from 2099. */
const LISTS_ONLY_THE_PAST = new Set(['amazon']);

async function post(control: FaultControl, path: string, body?: unknown) {
  const response = await fetch(`${control.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

for (const { adapter, start } of HARNESSES) {
  describe(`simulator faults: ${adapter.kind}`, () => {
    let harness: SimulatorHarness;
    let control: FaultControl;
    beforeAll(async () => {
      harness = await start({ customers: 30, seed: 7, pageSize: 50 });
      control = await startFaultControl(harness.faults);
    });
    afterAll(async () => {
      await control?.close();
      await harness?.close();
    });

    it('stamps customers changed by a broken clock with a change time in 2099', async () => {
      const before = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
      const answer = await post(control, '/future-change', { count: 2 });
      expect(answer.status).toBe(200);
      const changed = answer.body.changed as string[];
      expect(changed).toHaveLength(2);
      if (!adapter.capabilities.changedSince || LISTS_ONLY_THE_PAST.has(adapter.kind)) return;
      const ids: string[] = [];
      const request = { since: before, emails: null, cursor: null };
      for await (const page of adapter.readCustomers(harness.connection, request)) {
        ids.push(...page.customers.map((customer) => customer.externalId));
        ids.push(...page.rejected.flatMap((record) => (record.externalId ? [record.externalId] : [])));
      }
      expect(ids.sort()).toEqual([...changed].sort());
    });

    it(`revokes tokens ${WITH_TOKENS.has(adapter.kind) ? 'and the adapter logs in again' : 'only where the system issues them'}`, async () => {
      await adapter.check(harness.connection);
      const answer = await post(control, '/revoke-tokens');
      if (!WITH_TOKENS.has(adapter.kind)) {
        expect(answer.status).toBe(409);
        return;
      }
      expect(answer.status).toBe(200);
      await expect(adapter.check(harness.connection)).resolves.toMatchObject({ ok: true });
    });
  });
}

describe('simulator faults: failures of requests', () => {
  const magento = HARNESSES.find((harness) => harness.adapter.kind === 'magento');
  let harness: SimulatorHarness;
  let control: FaultControl;
  beforeAll(async () => {
    harness = await (magento?.start({ customers: 5, seed: 1 }) as Promise<SimulatorHarness>);
    control = await startFaultControl(harness.faults);
  });
  afterAll(async () => {
    await control?.close();
    await harness?.close();
  });
  const shop = (path = '/rest/V1/store/storeConfigs') => fetch(`${harness.connection.url}${path}`);

  it('answers the next requests with the injected status and Retry-After, then normally', async () => {
    expect((await post(control, '/failures', { status: 429, retryAfter: '2', times: 2 })).status).toBe(201);
    const first = await shop();
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await shop()).status).toBe(429);
    expect((await shop()).status).not.toBe(429);
  });

  it('drops the connection, or cuts the body off, for requests on the given path only', async () => {
    await post(control, '/failures', { drop: true, path: '/V1/customers/search' });
    await expect(shop('/rest/V1/customers/search')).rejects.toThrow();
    await post(control, '/failures', { malformed: true });
    const malformed = await shop();
    expect([malformed.status, await malformed.text()]).toEqual([200, MALFORMED_BODY]);
  });

  it('refuses a control request that does not say a fault, naming what is wrong', async () => {
    const refusals = await Promise.all([
      post(control, '/failures', {}),
      post(control, '/failures', { status: 200 }),
      post(control, '/failures', { status: 503, times: 0 }),
      post(control, '/failures', { status: 503, colour: 'red' }),
      post(control, '/future-change', { count: 'many' }),
    ]);
    expect(refusals.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400]);
    expect(refusals.map((answer) => answer.body.error)).toEqual([
      'Give the fault: status, delayMs, drop or malformed.',
      'status must be an HTTP error status from 400 to 599.',
      'times must be a whole number from 1 to 100000.',
      'Unknown field(s): colour.',
      'count must be a whole number from 1 to 1000.',
    ]);
    expect((await shop()).status).not.toBe(503);
  });
});
