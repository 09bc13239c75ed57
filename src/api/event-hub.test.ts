import { expect, it, vi } from 'vitest';
import type { NotificationService } from '../batch/notification-service.ts';
import { EventHub } from './event-hub.ts';

it('retries the LISTEN at the next ready() after one failed, and shares it once it works', async () => {
  const unlisten = vi.fn(async () => undefined);
  const subscribe = vi
    .fn<NotificationService['subscribe']>()
    .mockRejectedValueOnce(new Error('connection refused'))
    .mockResolvedValue(unlisten);
  const hub = new EventHub({
    notifications: { subscribe } as unknown as NotificationService,
    heartbeatMs: 25_000,
    sessionValid: async () => true,
  });
  await expect(hub.ready()).rejects.toThrow('connection refused');
  await hub.ready();
  await hub.ready();
  expect(subscribe).toHaveBeenCalledTimes(2);
  await hub.close();
  expect(unlisten).toHaveBeenCalledTimes(1);
});
