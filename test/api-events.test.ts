/**
 * /api/events ends with its session however that ends (deleted, expired, the user disabled), and a client that
 * leaves while the stream is being set up leaves nothing behind.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { EventHub } from '../src/api/event-hub.ts';
import type { Notice } from '../src/domain/notice.ts';
import { insertNotifications } from '../src/storage/notification-store.ts';
import { hashSessionId } from '../src/users/session-service.ts';
import { type Client, type TestApi, testApi } from './support/api-fixtures.ts';
import { eventually, fileSleep } from './support/batch-fixtures.ts';
import { eventReader } from './support/event-reader.ts';
import { describeEachDb } from './support/test-databases.ts';

const notice = (title: string): Notice => ({
  channel: 'dialog',
  topic: 'run-ended',
  hasErrors: false,
  title,
  message: `${title}: done`,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describeEachDb('HTTP API: event streams end with their session', (getDb) => {
  async function openStream(api: TestApi, client: Client) {
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/api/events`, {
      headers: { cookie: `kontor_session=${client.cookie}` },
    });
    expect(response.status).toBe(200);
    const reader = eventReader(response);
    await reader.until(': connected');
    return reader;
  }

  it('ends at the next heartbeat when the session was deleted behind the API', async () => {
    const api = testApi(getDb(), { heartbeatMs: 100 });
    await api.addUser('alice');
    const alice = await api.as('alice');
    const events = await openStream(api, alice);
    try {
      await events.until(': keep-alive');
      await getDb().query('delete from user_session where id_hash = $1', [hashSessionId(alice.cookie!)]);
      expect(await events.until('never sent', 5_000)).toBe(false);
    } finally {
      await events.cancel();
      await api.app.close();
    }
  });

  it('ends at the next heartbeat when the user was disabled (not over the API)', async () => {
    const api = testApi(getDb(), { heartbeatMs: 100 });
    await api.addUser('alice');
    await api.addUser('boss', 'administrator');
    const alice = await api.as('alice');
    const events = await openStream(api, alice);
    try {
      await api.users.update('boss', 'alice', { displayName: 'Alice' });
      await events.until(': keep-alive');
      await getDb().query('update app_user set disabled = true where name = $1', ['alice']);
      expect(await events.until('never sent', 5_000)).toBe(false);
    } finally {
      await events.cancel();
      await api.app.close();
    }
  });

  it('delivers nothing once the session has expired, and ends the stream', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const alice = await api.as('alice');
    const events = await openStream(api, alice);
    try {
      const job = await fileSleep(getDb(), {}, { user: 'alice' });
      await insertNotifications(getDb(), { user: 'alice', jobId: job.id, runId: null }, [notice('Before')]);
      await events.until('Before');
      api.clock.advance(13 * 3600_000);
      await insertNotifications(getDb(), { user: 'alice', jobId: job.id, runId: null }, [notice('After')]);
      expect(await events.until('After', 5_000)).toBe(false);
    } finally {
      await events.cancel();
      await api.app.close();
    }
  });

  it('keeps no stream of a client that left while the stream was being set up', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let hub: EventHub | null = null;
    vi.spyOn(EventHub.prototype, 'ready').mockImplementation(async function (this: EventHub) {
      hub = this;
      await gate;
    });
    const api = testApi(getDb());
    await api.addUser('alice');
    const alice = await api.as('alice');
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const abort = new AbortController();
      const request = fetch(`${address}/api/events`, {
        headers: { cookie: `kontor_session=${alice.cookie}` },
        signal: abort.signal,
      }).catch(() => null);
      await eventually(async () => hub !== null, 5_000, 'the stream waiting for the hub');
      abort.abort();
      await request;
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(hub!.size).toBe(0);
    } finally {
      await api.app.close();
    }
  });
});
