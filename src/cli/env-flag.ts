import { InvalidInputError } from '../domain/errors.ts';

/** A yes/no variable: true, false, 1, 0, yes, no (the configuration file's booleans arrive as "true"/"false"). */
export function envFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new InvalidInputError(`${name} "${env[name]}" must be true or false.`);
}
