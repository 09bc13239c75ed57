/**
 * Write only with the CPU time of both sides: the importing process's and that of the PostgreSQL backends
 * of its database (read from /proc, so only with the server on this host). On a machine shared with other
 * work the wall clock varies several times between runs; the CPU time per partner does not, so this is
 * the figure to compare code by (docs/performance.md, "The write path").
 *
 *   node --import tsx bench/write-only-cpu.ts [customers] [postgres|pglite] [label]
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { freshPostgresDatabase, measureWriteOnly } from './write-only.ts';

const customers = Number(process.argv[2] ?? '100000');
const kind = process.argv[3] ?? 'postgres';
const label = process.argv[4] ?? '';
const admin = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const name = `kontor_write_cpu_${process.pid}`;

/** User and system CPU seconds of a process on this host (0 when it cannot be read). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(admin);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CPU seconds of the backends connected to the measured database so far. */
const databaseCpu = async (): Promise<number> =>
  kind !== 'postgres'
    ? 0
    : withAdmin(async (client) => {
        const result = await client.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = $1',
          [name],
        );
        return result.rows.reduce((sum, row) => sum + cpuSeconds(row.pid), 0);
      });

const spec = kind === 'postgres' ? await freshPostgresDatabase(admin, name) : 'memory:';
const marks: number[] = [];
try {
  const result = await measureWriteOnly({
    db: spec,
    customers,
    pageSize: 300,
    reimport: true,
    afterImport: async () => {
      marks.push(await databaseCpu());
    },
  });
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const unchanged = result.unchanged!;
  console.log(
    `${label.padEnd(5)} ${kind.padEnd(8)} N=${customers} load ${load}: write ${result.seconds.toFixed(2)} s (${Math.round(result.partnersPerSecond)}/s), Kontor CPU ${result.cpuSeconds.toFixed(2)} s, database CPU ${marks[0]!.toFixed(2)} s | unchanged ${unchanged.seconds.toFixed(2)} s, Kontor CPU ${unchanged.cpuSeconds.toFixed(2)} s, database CPU ${(marks[1]! - marks[0]!).toFixed(2)} s`,
  );
} finally {
  if (kind === 'postgres')
    await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
}
