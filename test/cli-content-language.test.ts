/**
 * `kontor import-customers --language` (DESIGN.md section 5): the job's content language decides the messages
 * of `kontor jobs log <job> --json` (same shape, same codes) and of the printed summary; a bad tag exits 2.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';

describe('kontor import-customers --language', () => {
  let sim: MagentoSimulator;
  let folder: string;

  async function kontor(db: string, line: string) {
    let stdout = '';
    let stderr = '';
    const code = await main(['node', 'kontor', '--db', db, ...line.split(' ')], {
      out: (text) => {
        stdout += `${text}\n`;
      },
      err: (text) => {
        stderr += `${text}\n`;
      },
    });
    return { code, stdout, stderr };
  }

  /** A database of its own with the channel "shop" and the user anna (the same records in every language). */
  async function database(name: string): Promise<string> {
    const db = join(folder, name);
    expect((await kontor(db, 'user add anna')).code).toBe(0);
    const add = `channel add shop --adapter magento --type b2b-b2c --url ${sim.url} --setting token=${sim.token}`;
    expect((await kontor(db, add)).code).toBe(0);
    return db;
  }

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 20, seed: 5, brokenShare: 0.3 });
    // One sound customer without an address (a NO_ADDRESS line), whatever the seed gave.
    const sound = sim.store
      .list()
      .find(
        (customer) =>
          /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(String(customer.email)) &&
          (customer.addresses ?? []).every((address) =>
            /^(DE|AT|CH|PL|CZ|NL|BE|FR|GB|US|ES|IT|TR|SE|DK|NO|FI)$/.test(address.country_id ?? ''),
          ),
      );
    sim.store.change(sound?.id as number, (customer) => {
      customer.addresses = [];
      delete customer.default_billing;
      delete customer.default_shipping;
    });
    folder = await mkdtemp(join(tmpdir(), 'kontor-cli-language-'));
  });
  afterAll(async () => {
    await sim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes jobs log --json in the job language with the codes of English', async () => {
    const logs: Record<string, { code: string; message: string }[]> = {};
    for (const language of ['en', 'de', 'pl']) {
      const db = await database(language);
      const run = await kontor(
        db,
        `import-customers --channel shop --changed-since anytime --user anna --job-name run-${language} --language ${language} --wait`,
      );
      expect(run.code, run.stderr).toBe(1); // the broken records are errors
      const log = JSON.parse((await kontor(db, `jobs log run-${language} --json`)).stdout);
      expect(Object.keys(log)).toEqual(['job', 'run', 'importRun', 'log']);
      logs[language] = log.log;
      if (language === 'de') {
        expect(run.stdout).toMatch(
          /^Importlauf \d+ des Vertriebskanals „shop“ mit \d+ Fehlern? beendet \(anytime\)\./,
        );
        expect(run.stdout).toContain(
          'Laufprotokoll (nicht importiert, mit Warnungen importiert, deaktiviert):',
        );
      }
      if (language === 'pl')
        expect(run.stdout).toMatch(/^Przebieg importu \d+ kanału sprzedaży „shop” zakończony z/);
      if (language === 'en')
        expect(run.stdout).toMatch(/^Import run \d+ of sales channel "shop" finished with/);
    }
    const codes = (language: string) => logs[language]!.map((line) => line.code);
    expect(codes('en').length).toBeGreaterThan(0);
    expect(codes('de')).toEqual(codes('en'));
    expect(codes('pl')).toEqual(codes('en'));
    const noAddress = logs.de!.find((line) => line.code === 'NO_ADDRESS');
    const unknownCountry = logs.pl!.find((line) => line.code === 'UNKNOWN_COUNTRY');
    expect(noAddress?.message).toBe('Der Kunde hat keine Adresse.');
    expect(unknownCountry?.message).toMatch(/^Kraj „.+” nie jest kodem kraju według ISO 3166/);
  }, 240_000); // three databases, three runs with --wait on a shared machine

  it('refuses a content language that is no language tag, with exit code 2 and one line', async () => {
    const db = await database('bad');
    const run = await kontor(db, 'import-customers --channel shop --user anna --language xx_YY');
    expect(run).toMatchObject({
      code: 2,
      stderr: 'kontor: Content language "xx_YY" is not a language tag (e.g. en, de, pl, de-AT).\n',
    });
    expect(JSON.parse((await kontor(db, 'jobs list --json')).stdout)).toEqual([]);
  });
});
