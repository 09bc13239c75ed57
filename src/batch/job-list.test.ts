import { beforeAll, expect, it } from 'vitest';
import { counterApplication, testBatch } from '../../test/support/test-applications.ts';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { InvalidInputError } from '../domain/errors.ts';
import type { JobFilter } from '../storage/batch-job-store.ts';
import { insertQueue } from '../storage/queue-store.ts';
import { importCustomersApplication } from './applications/import-customers-app.ts';
import { BatchApplications } from './batch-application.ts';
import { JobService } from './job-service.ts';

describeEachDb(
  'Listing batch jobs',
  (getDb) => {
    const jobs = () => new JobService(getDb(), new BatchApplications([counterApplication]));
    const names = async (filter: JobFilter) => (await jobs().list(filter)).map((job) => job.name);

    beforeAll(async () => {
      await insertQueue(getDb(), 'nightly', null);
      const file = (name: string, overrides: Parameters<typeof testBatch>[0] = {}) =>
        jobs().file({
          application: 'counter',
          settings: { steps: 1 },
          batch: testBatch({ name, ...overrides }),
        });
      await file('Nightly Import', { queue: 'nightly', startMode: 'external' });
      await file('hourly-import', { user: 'bob', appServer: 'erp-1' });
      await file('weekly report', { startMode: 'at-restart', releaseImmediately: false });
      const canceled = await file('old nightly', { queue: 'nightly' });
      await jobs().cancel(String(canceled.id));
      // A job of another application (not run here): only the stored row matters.
      await getDb().query(
        `insert into batch_job (name, application, user_name, oltp_database, content_language, queue_id,
           start_mode, time_zone, notification, release_immediately, state)
         values ('import shop', 'import-customers', 'anna', 'db', 'en', 1, 'add-to-queue', 'UTC', 'none', true,
           'finished')`,
      );
    });

    it('lists the newest jobs up to the limit, oldest first unless asked for newest first', async () => {
      expect(await names({})).toEqual([
        'Nightly Import',
        'hourly-import',
        'weekly report',
        'old nightly',
        'import shop',
      ]);
      expect(await names({ limit: 2 })).toEqual(['old nightly', 'import shop']);
      expect(await names({ limit: 2, newestFirst: true })).toEqual(['import shop', 'old nightly']);
    });

    it.each([
      [{ name: 'NIGHTLY' }, ['Nightly Import', 'old nightly']],
      [{ name: '%' }, []],
      [{ states: ['planned', 'canceled'] }, ['Nightly Import', 'weekly report', 'old nightly']],
      [{ state: 'ready' }, ['hourly-import']],
      [{ queue: 'nightly' }, ['Nightly Import', 'old nightly']],
      [{ user: 'bob' }, ['hourly-import']],
      [{ appServer: 'erp-1' }, ['hourly-import']],
      [{ application: 'import-customers' }, ['import shop']],
      [{ name: 'import', states: ['planned', 'ready'] }, ['Nightly Import', 'hourly-import']],
      [{ states: [] }, ['Nightly Import', 'hourly-import', 'weekly report', 'old nightly', 'import shop']],
    ] as Array<[JobFilter, string[]]>)('filters by %j', async (filter, expected) => {
      expect(await names(filter)).toEqual(expected);
    });

    it.each([
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ states: ['done'] }, 'state'],
    ] as Array<[JobFilter, string]>)('refuses %j naming the field', async (filter, field) => {
      const error = await jobs()
        .list(filter)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
    });

    it('knows the applications by name, label and development object', () => {
      const applications = new BatchApplications([
        counterApplication,
        importCustomersApplication(null as never),
      ]);
      expect(applications.list()).toEqual([
        { name: 'counter', label: 'Counter', developmentObject: 'com.kontor.test.Counter' },
        {
          name: 'import-customers',
          label: 'Import customers',
          developmentObject: 'com.kontor.import.customers.ImportCustomers',
        },
      ]);
    });
  },
  { per: 'suite' },
);
