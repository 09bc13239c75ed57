/** Test support: can the test PostgreSQL server be reached? */
import pg from 'pg';

/** Connects once and runs SELECT 1; returns null when that works, else the reason (without password). */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return message || code || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
