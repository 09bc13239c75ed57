/**
 * Structured logs (`--log-format json`): every line is one JSON object with time, level and msg; an API
 * request's line carries reqId (also the answer's X-Request-Id) and user; the lines of a batch-run import
 * carry job, run, channel and importRun. Nothing secret reaches them (passwords, cookies, the channel token).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { IMPORT_CUSTOMERS } from '../src/batch/applications/import-customers-app.ts';
import { JobService } from '../src/batch/job-service.ts';
import type { Output } from '../src/cli/app-context.ts';
import { jsonLogger } from '../src/cli/json-logger.ts';
import { resolveLogFormat } from '../src/cli/log-format.ts';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { PASSWORD, testApi } from './support/api-fixtures.ts';
import { batch, FAST_TIMING, jobInState, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

/** An Output that keeps stdout and stderr lines; `json()` parses every stdout line (and fails on one that is not). */
function captured() {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  return {
    output,
    out,
    err,
    json: () => out.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('--log-format', () => {
  it('is pretty unless the option, KONTOR_LOG_FORMAT or the configuration file says json; a wrong value is named', () => {
    expect(resolveLogFormat(undefined, {})).toBe('pretty');
    expect(resolveLogFormat(undefined, { KONTOR_LOG_FORMAT: 'json' })).toBe('json');
    expect(resolveLogFormat('pretty', { KONTOR_LOG_FORMAT: 'json' })).toBe('pretty');
    expect(resolveLogFormat(undefined, {}, { key: 'log.format', value: 'JSON' })).toBe('json');
    expect(
      resolveLogFormat(undefined, { KONTOR_LOG_FORMAT: 'pretty' }, { key: 'log.format', value: 'json' }),
    ).toBe('pretty');
    expect(() => resolveLogFormat('xml', {})).toThrow('--log-format "xml" must be one of: pretty, json.');
    expect(() => resolveLogFormat(undefined, { KONTOR_LOG_FORMAT: 'yaml' })).toThrow(
      'KONTOR_LOG_FORMAT "yaml" must be one of: pretty, json.',
    );
    expect(() => resolveLogFormat(undefined, {}, { key: 'log.format', value: 'x' })).toThrow(
      'log.format "x"',
    );
  });

  it('kontor worker refuses a wrong format with exit code 2 before it opens the database', async () => {
    const { output, err } = captured();
    const code = await main(
      [
        'node',
        'kontor',
        '--db',
        '/nonexistent/kontor-db',
        'worker',
        '--app-server',
        'w',
        '--log-format',
        'xml',
      ],
      output,
    );
    expect(code).toBe(2);
    expect(err).toEqual(['kontor: --log-format "xml" must be one of: pretty, json.']);
  });

  it('masks a field whose name says it holds a secret', () => {
    const { output, json } = captured();
    const logger = jsonLogger(output).child({ token: 'abc-123-def' });
    logger.info('hello', { password: 'p4ss', user: 'alice' });
    expect(json()).toEqual([
      expect.objectContaining({ msg: 'hello', level: 'info', token: '***', password: '***', user: 'alice' }),
    ]);
  });
});

describeEachDb('JSON log lines', (getDb) => {
  let sim: MagentoSimulator;
  let server: AppServer | null = null;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 25, seed: 8, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('an API request: one line with reqId (= X-Request-Id), user, method, route, status and ms', async () => {
    const log = captured();
    const api = testApi(getDb(), { logger: jsonLogger(log.output), requestLog: true });
    await api.addUser('alice');
    const alice = await api.as('alice');
    const response = await alice.get('/api/jobs?name=secret-query-value');
    expect(response.statusCode).toBe(200);
    const lines = log.json();
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
      expect(typeof line.pid).toBe('number');
    }
    const request = lines.find((line) => line.url === '/api/jobs?name=');
    expect(request).toMatchObject({
      event: 'request',
      reqId: response.headers['x-request-id'],
      user: 'alice',
      method: 'GET',
      route: '/api/jobs',
      status: 200,
      ip: '127.0.0.1',
      msg: expect.stringMatching(/^GET \/api\/jobs\?name= 200 \d+ms alice 127\.0\.0\.1$/),
    });
    expect(typeof request?.ms).toBe('number');
    const login = lines.find((line) => line.url === '/api/auth/login');
    expect(login).toMatchObject({ status: 200, reqId: expect.any(String) });
    expect(login?.reqId).not.toBe(request?.reqId);
    for (const raw of log.out)
      for (const key of ['reqId', 'user']) expect(raw.split(`"${key}":`).length, raw).toBeLessThanOrEqual(2);
    const text = log.out.join('\n');
    for (const secret of ['secret-query-value', PASSWORD, alice.cookie!]) expect(text).not.toContain(secret);
    expect(log.err).toEqual([]);
  });

  it('a batch-run import: its lines carry job, run, channel and importRun, and never the token', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '10' } });
    const job = await new JobService(db, testApplications).file({
      application: IMPORT_CUSTOMERS,
      settings: { channel: 'shop', changedSince: 'anytime', confirmAllWarnings: true },
      batch: batch({ name: 'nightly-shop' }),
    });
    const log = captured();
    server = await AppServer.start({
      db,
      name: 'A',
      applications: testApplications,
      timing: FAST_TIMING,
      logger: jsonLogger(log.output),
    });
    await jobInState(db, job.id, ['finished'], 20_000);
    await server.stop();
    server = null;
    const lines = log.json();
    const byEvent = (event: string) => lines.filter((line) => line.event === event);
    const runStarted = byEvent('run-started');
    expect(runStarted).toEqual([
      expect.objectContaining({ level: 'info', job: job.id, run: expect.any(Number), appServer: 'A' }),
    ]);
    const run = runStarted[0]?.run;
    const importStarted = byEvent('import-started');
    expect(importStarted).toEqual([
      expect.objectContaining({
        job: job.id,
        run,
        channel: 'shop',
        importRun: expect.any(Number),
        adapter: 'magento',
      }),
    ]);
    expect(byEvent('import-ended')).toEqual([
      expect.objectContaining({
        job: job.id,
        run,
        channel: 'shop',
        importRun: importStarted[0]?.importRun,
        state: 'finished',
        read: 25,
        created: 25,
        errors: 0,
      }),
    ]);
    expect(byEvent('run-ended')).toEqual([
      expect.objectContaining({ job: job.id, run, state: 'finished', hasErrors: false }),
    ]);
    expect(log.out.join('\n')).not.toContain(sim.token);
    // Each field once per line (a child's field is not repeated by a grandchild).
    for (const raw of log.out)
      for (const key of ['job', 'run', 'channel', 'importRun', 'appServer'])
        expect(raw.split(`"${key}":`).length, raw).toBeLessThanOrEqual(2);
  }, 60_000);
});
