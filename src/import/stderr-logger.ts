/** The import's logger when it is given none: warnings and errors as plain lines on stderr. */
import { fieldLogger } from '../domain/logger.ts';

export const stderrLogger = fieldLogger((level, message) => {
  if (level === 'warn' || level === 'error') process.stderr.write(`${message}\n`);
});
