import { afterEach, expect, it, vi } from 'vitest';
import { metricsTokenFrom, serveOptionsFrom } from './commands/worker.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

it('takes KONTOR_METRICS_TOKEN of 16 characters or more, none when unset or blank, and refuses a short one', () => {
  expect(metricsTokenFrom({})).toBeNull();
  expect(metricsTokenFrom({ KONTOR_METRICS_TOKEN: '   ' })).toBeNull();
  expect(metricsTokenFrom({ KONTOR_METRICS_TOKEN: ' 0123456789abcdef ' })).toBe('0123456789abcdef');
  expect(() => metricsTokenFrom({ KONTOR_METRICS_TOKEN: 'short' })).toThrow(
    'KONTOR_METRICS_TOKEN must be at least 16 characters long.',
  );
});

it('kontor serve options carry the log format (option over KONTOR_LOG_FORMAT) and the metrics token', () => {
  vi.stubEnv('KONTOR_LOG_FORMAT', 'json');
  vi.stubEnv('KONTOR_METRICS_TOKEN', 'a-token-of-twenty-chars');
  const base = { host: '127.0.0.1', port: '0', appServer: 'web' };
  expect(serveOptionsFrom(base)).toMatchObject({
    logFormat: 'json',
    metricsToken: 'a-token-of-twenty-chars',
  });
  expect(serveOptionsFrom({ ...base, logFormat: 'pretty' })).toMatchObject({ logFormat: 'pretty' });
  expect(() => serveOptionsFrom({ ...base, logFormat: 'text' })).toThrow('--log-format "text"');
});
