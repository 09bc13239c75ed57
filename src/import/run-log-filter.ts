/**
 * Which lines of a run's log a user asked for: by level, by code, and by a text found (case-insensitive) in
 * the external id, the partner number, the code or the message. Pure: the API's CSV export and the web UI's
 * log table filter the same way.
 */
import type { RunLogLine } from '../domain/import-run.ts';

export interface RunLogFilter {
  level?: string | null;
  code?: string | null;
  text?: string | null;
}

type Line = RunLogLine & { partnerNumber?: string | null };

export function filterRunLog<T extends Line>(lines: readonly T[], filter: RunLogFilter): T[] {
  const level = filter.level?.trim() || null;
  const code = filter.code?.trim().toUpperCase() || null;
  const text = filter.text?.trim().toLowerCase() || null;
  return lines.filter(
    (line) =>
      (level === null || line.level === level) &&
      (code === null || line.code.toUpperCase() === code) &&
      (text === null ||
        [line.externalId, line.partnerNumber, line.code, line.message].some((value) =>
          value?.toLowerCase().includes(text),
        )),
  );
}
