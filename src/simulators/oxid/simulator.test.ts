import { describe, expect, it } from 'vitest';
import { useRunning } from '../../../test/support/adapter-test-helpers.ts';
import { DELETED_COUNTRY_ID } from './seed.ts';
import { type OxidSimulator, startOxidSimulator } from './simulator.ts';
import { OTHER_COUNTRY_ID } from './simulator-countries.ts';

const start = useRunning(startOxidSimulator, { customers: 40, seed: 4 });

async function call(sim: OxidSimulator, query: string, apiKey: string | null = sim.apiKey) {
  const response = await fetch(`${sim.url}/index.php?${query}`, {
    headers: apiKey === null ? {} : { 'x-kontor-api-key': apiKey },
    redirect: 'manual',
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML stays text
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown> };
}

describe('the OXID simulator (connector protocol)', () => {
  it('renders oxuser rows like the shop database: every column as text, OXID ids, no secrets', async () => {
    const sim = await start();
    const { status, body } = await call(sim, 'cl=kontor_connector&fnc=users&limit=1000');
    expect(status).toBe(200);
    const users = body.users as Array<Record<string, unknown>>;
    expect(users.length).toBe(sim.store.customers().length);
    for (const user of users) {
      for (const [key, value] of Object.entries(user)) {
        if (/^OX/.test(key)) expect(typeof value, key).toBe('string');
      }
      expect(user.OXID).toMatch(/^[0-9a-f]{32}$/);
      expect(user).not.toHaveProperty('OXPASSWORD');
      expect(user).not.toHaveProperty('OXPASSSALT');
      expect(user.OXRIGHTS).toBe('user');
      expect(user.OXTIMESTAMP).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(users.some((user) => user.guest === true)).toBe(true);
    expect(users.some((user) => (user.addresses as unknown[]).length > 0)).toBe(true);
    // The admin and the newsletter-only subscribers stay out.
    expect(sim.store.all().some((user) => user.columns.OXRIGHTS === 'malladmin')).toBe(true);
    expect(users.some((user) => String(user.OXUSERNAME).startsWith('newsletter'))).toBe(false);
  });

  it('lists every country with its OXID id and ISO code, "Anderes Land" without one', async () => {
    const sim = await start();
    const { body } = await call(sim, 'cl=kontor_connector&fnc=countries');
    const countries = body.countries as Array<Record<string, string>>;
    expect(countries).toContainEqual(
      expect.objectContaining({ OXID: 'a7c40f631fc920687.20179984', OXISOALPHA2: 'DE', OXISOALPHA3: 'DEU' }),
    );
    expect(countries.find((country) => country.OXID === OTHER_COUNTRY_ID)?.OXISOALPHA2).toBe('');
    expect(countries.some((country) => country.OXID === DELETED_COUNTRY_ID)).toBe(false);
  });

  it('redirects an unknown controller or function to the start page, like OXID', async () => {
    const sim = await start();
    for (const query of ['cl=kontor_conector&fnc=users', 'cl=kontor_connector&fnc=orders']) {
      const response = await call(sim, query);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/index.php?cl=start');
    }
    const page = await call(sim, 'cl=start');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
    expect((await fetch(`${sim.url}/rest/V1/customers`)).status).toBe(404);
  });

  it('answers protocol errors as JSON with error and message', async () => {
    const sim = await start();
    expect(await call(sim, 'cl=kontor_connector&fnc=info', null)).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', message: 'Missing or invalid API key.' },
    });
    for (const query of [
      'limit=0',
      'limit=1001',
      'changedSince=2025-06-01%2010:00:00',
      'after=not-a-token',
      `${Array.from({ length: 101 }, (_, n) => `emails[]=a${n}@x.de`).join('&')}`,
    ]) {
      const response = await call(sim, `cl=kontor_connector&fnc=users&${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error).toBe('bad_request');
    }
  });
});
