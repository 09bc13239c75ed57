/**
 * Login under a flood (issue 11, defect 6): 300 parallel logins with made-up names (production argon2id cost)
 * and, 0.3 s in, one valid login of `admin` from a known browser and one from a new one. Prints the time of
 * each valid login and how the flood was answered. `node --import tsx bench/login-flood.ts` (PGlite in memory).
 */
import { defaultAdapters } from '../src/adapters/registry.ts';
import { buildApi } from '../src/api/server.ts';
import { BatchApplications } from '../src/batch/batch-application.ts';
import { openDb } from '../src/storage/open-db.ts';
import { UserService } from '../src/users/user-service.ts';

const FLOOD = Number(process.env.BENCH_FLOOD ?? 300);
const PASSWORD = 'correct horse battery';

const db = await openDb('memory:');
const app = buildApi({
  db,
  adapters: defaultAdapters,
  applications: new BatchApplications([]),
  options: { secureCookies: false, webRoot: null, version: 'bench', appServer: null },
});
await new UserService(db).add({
  name: 'admin',
  role: 'administrator',
  password: PASSWORD,
  mustChangePassword: false,
});

const login = (address: string, name: string, password: string, cookie?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    headers: { 'x-kontor-request': '1', ...(cookie ? { cookie: `kontor_client=${cookie}` } : {}) },
    payload: { name, password },
  });

const known = (await login('10.0.0.7', 'admin', PASSWORD)).cookies.find(
  (c) => c.name === 'kontor_client',
)?.value;
// A warm server: the first unknown name makes the stand-in hash that made-up names are verified against.
const t1 = performance.now();
await login('10.0.0.8', 'warm-up', 'x');
console.log(`one login (unknown name, nothing else running): ${Math.round(performance.now() - t1)} ms`);
const timed = async (what: Promise<{ statusCode: number }>) => {
  const t0 = performance.now();
  const answer = await what;
  return { status: answer.statusCode, ms: Math.round(performance.now() - t0) };
};
const started = performance.now();
const flood = Array.from({ length: FLOOD }, (_, i) =>
  timed(login(`198.51.100.${i % 250}`, `made-up-${i}`, 'x')),
);
await new Promise((resolve) => setTimeout(resolve, 300));
const [knownLogin, newLogin] = await Promise.all([
  timed(login('10.0.0.7', 'admin', PASSWORD, known)),
  timed(login('10.0.0.9', 'admin', PASSWORD)),
]);
const answers = await Promise.all(flood);
const byStatus = new Map<number, number[]>();
for (const answer of answers)
  byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer.ms]);
console.log(
  `flood of ${FLOOD} made-up logins, all answered in ${Math.round(performance.now() - started)} ms:`,
);
for (const [status, times] of byStatus)
  console.log(`  ${status}: ${times.length} answers, max ${Math.max(...times)} ms`);
console.log(`valid login, known browser: ${knownLogin.status} in ${knownLogin.ms} ms`);
console.log(`valid login, new browser:   ${newLogin.status} in ${newLogin.ms} ms`);
await app.close();
await db.close();
