/**
 * The content language of a batch job (issue 16): a German job writes its run log, its summary and its
 * notification in German, a Polish one in Polish, an English one as always; the codes are the same in every
 * language. Each language runs in a database of its own against the same simulated shop, so that the three
 * runs log the same records.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { IMPORT_CUSTOMERS } from '../src/batch/applications/import-customers-app.ts';
import { JobService } from '../src/batch/job-service.ts';
import { NotificationService } from '../src/batch/notification-service.ts';
import type { RunLogLine } from '../src/domain/import-run.ts';
import { GERMAN } from '../src/domain/messages/catalogue-de.ts';
import { ENGLISH } from '../src/domain/messages/catalogue-en.ts';
import { POLISH } from '../src/domain/messages/catalogue-pl.ts';
import { RunService } from '../src/import/run-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { batch, FAST_TIMING, jobInState, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { describeEachDb, openTestDb } from './support/test-databases.ts';

describeEachDb('The content language of an Import customers job', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 40, seed: 16, brokenShare: 0.3 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  /** Files a job for its own channel in this language, runs it; returns what `jobs log --json` and the user get. */
  async function runIn(language: string) {
    const db = await openTestDb(getDb().kind);
    const server = await AppServer.start({
      db,
      name: 'A',
      applications: testApplications,
      timing: FAST_TIMING,
    });
    try {
      return await runJob(db, language);
    } finally {
      await server.stop();
      await db.close();
    }
  }

  async function runJob(db: Db, language: string) {
    const channel = `shop-${language}`;
    await addMagentoChannel(db, sim, channel);
    const jobs = new JobService(db, testApplications);
    const job = await jobs.file({
      application: IMPORT_CUSTOMERS,
      settings: { channel, changedSince: 'anytime', confirmAllWarnings: false },
      batch: batch({ user: `user-${language}`, contentLanguage: language, notification: 'dialog' }),
    });
    await jobInState(db, job.id, ['finished'], 20_000);
    const run = (await jobs.show(String(job.id))).runs[0]!;
    const { log } = await new RunService(db).withLog(run.importRunId);
    const notices = await new NotificationService(db).list({ user: `user-${language}` });
    return { job, log, notices };
  }

  const codes = (log: RunLogLine[]) => log.map((line) => `${line.externalId} ${line.level} ${line.code}`);

  it('writes the log, the summary and the notification in the job language, with the same codes', async () => {
    const english = await runIn('en');
    const german = await runIn('de');
    const polish = await runIn('pl-PL');

    expect(english.log.length).toBeGreaterThan(3);
    expect(new Set(english.log.map((line) => line.code)).size).toBeGreaterThan(1);
    expect(codes(german.log)).toEqual(codes(english.log));
    expect(codes(polish.log)).toEqual(codes(english.log));
    english.log.forEach((line, index) => {
      expect(german.log[index]!.message, line.code).not.toBe(line.message);
      expect(polish.log[index]!.message, line.code).not.toBe(line.message);
      expect(polish.log[index]!.message, line.code).not.toBe(german.log[index]!.message);
    });
    // A message without placeholders is the catalogue's text as it stands.
    const plain = english.log.findIndex((line) => line.code === 'NO_ADDRESS');
    expect(plain).toBeGreaterThanOrEqual(0);
    expect(english.log[plain]!.message).toBe(ENGLISH.NO_ADDRESS);
    expect(german.log[plain]!.message).toBe(GERMAN.NO_ADDRESS);
    expect(polish.log[plain]!.message).toBe(POLISH.NO_ADDRESS);
    const invalidEmail = german.log.find((line) => line.code === 'INVALID_EMAIL');
    expect(invalidEmail?.message).toMatch(/^Die E-Mail-Adresse des Kunden ist ungültig \(Adapter: .+\)$/);

    const [en] = english.notices;
    const [de] = german.notices;
    const [pl] = polish.notices;
    expect(en).toMatchObject({ topic: 'run-ended', channel: 'dialog' });
    expect(en!.title).toMatch(/^Batch job "import-customers-\d+" \(\d+\) finished( with errors)?$/);
    expect(en!.message).toMatch(
      /^Import run \d+ of sales channel "shop-en" finished with \d+ errors?: read 40, /,
    );
    expect(de!.title).toMatch(/^Batchjob „import-customers-\d+“ \(\d+\) (mit Fehlern )?beendet$/);
    expect(de!.message).toMatch(
      /^Importlauf \d+ des Vertriebskanals „shop-de“ mit \d+ Fehlern? beendet: gelesen 40, angelegt \d+, /,
    );
    expect(pl!.title).toMatch(/^Zadanie wsadowe „import-customers-\d+” \(\d+\) zakończone( z błędami)?$/);
    expect(pl!.message).toMatch(
      /^Przebieg importu \d+ kanału sprzedaży „shop-pl-PL” zakończony z \d+ błęd(em|ami): odczytano 40, /,
    );
  });
});
