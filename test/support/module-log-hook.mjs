// A module resolve hook for test/cli-build.test.ts: appends every module URL a process resolves to the file in
// KONTOR_MODULE_LOG (one a line), so a test can see which packages a command loaded.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.KONTOR_MODULE_LOG) appendFileSync(process.env.KONTOR_MODULE_LOG, `${result.url}\n`);
  return result;
}
