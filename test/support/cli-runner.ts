/** The CLI run in this process on one database, as a shell would: its exit code and what it printed. */
import { main } from '../../src/cli/main.ts';

export async function kontor(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'kontor', '--db', db, ...args], {
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
  });
  return { code, stdout, stderr };
}
