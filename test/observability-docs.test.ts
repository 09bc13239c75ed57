/**
 * The documentation of the metrics holds against the code: every series that docs/observability.md lists
 * and that the example Grafana dashboard queries is one that GET /metrics exposes, and every kontor_ series
 * it exposes is documented.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const doc = readFileSync(new URL('../docs/observability.md', import.meta.url), 'utf8');
const dashboard = JSON.parse(
  readFileSync(new URL('../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
};

/** The metric families of a scrape (`# TYPE name kind`). */
function families(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map((match) => match[1] as string));
}

/** A sample name as the family it belongs to (histograms: _bucket, _sum, _count). */
function family(name: string, known: Set<string>): string {
  if (known.has(name)) return name;
  return name.replace(/_(bucket|sum|count)$/, '');
}

describeEachDb('docs/observability.md and docs/grafana-dashboard.json', (getDb) => {
  it('name only series that /metrics exposes, and document every kontor_ series', async () => {
    const api = testApi(getDb());
    const scrape = await api.app.inject({ method: 'GET', url: '/metrics' });
    const exposed = families(scrape.body);
    const documented = new Set(
      [...doc.matchAll(/`(kontor_[a-z_]+)(\{[^}]*\})?`/g)].map((m) => m[1] as string),
    );
    expect([...documented].filter((name) => !exposed.has(name))).toEqual([]);
    expect([...exposed].filter((name) => name.startsWith('kontor_') && !documented.has(name))).toEqual([]);

    expect(dashboard.panels.length).toBeGreaterThan(10);
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets) {
        const names = [...expr.matchAll(/\b((kontor|process|nodejs)_[a-z_]+)/g)].map((m) => m[1] as string);
        expect(names.length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
        for (const name of names)
          expect(exposed.has(family(name, exposed)), `${panel.title}: ${name}`).toBe(true);
      }
    }
  });
});
