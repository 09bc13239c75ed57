/**
 * An InvalidInputError that names the input field it is about, as a dotted path (`batch.queue`). The HTTP API
 * answers it as `field`; the web UI shows the message at that field. `fieldOf` reads the field of any error.
 */
import { InvalidInputError } from './errors.ts';

export function fieldError(message: string, field: string): InvalidInputError {
  return new InvalidInputError(message, { field });
}

/** The field an error names, if any (read defensively: not every InvalidInputError has one). */
export function fieldOf(error: unknown): string | undefined {
  const field = (error as { field?: unknown } | null)?.field;
  return typeof field === 'string' && field !== '' ? field : undefined;
}
