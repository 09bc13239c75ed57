/** A partner's history as `kontor partners show <number> --history` prints it: one line per changed field. */
import type { HistoryEntry } from '../../domain/partner-history.ts';

function value(text: unknown): string {
  if (text === null || text === undefined) return '-';
  if (typeof text === 'string') return text || '""';
  if (Array.isArray(text) && text.length === 0) return '(none)';
  if (Array.isArray(text)) return `${text.length} item(s): ${JSON.stringify(text)}`;
  return JSON.stringify(text);
}

function short(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Who and why: `run 12 (anna)`, `anna`, `run 12`. */
function source(entry: HistoryEntry): string {
  const run = entry.run === undefined ? null : `run ${entry.run}`;
  const by = entry.by ?? (run ? null : 'unknown');
  return [run, by && (run ? `(${by})` : by)].filter(Boolean).join(' ');
}

export function historyLines(history: readonly HistoryEntry[]): string[] {
  if (history.length === 0) return ['History:          (none recorded)'];
  return [
    'History:',
    ...history.map((entry) => {
      const of = entry.partner ? ` [partner ${entry.partner}]` : '';
      return `  ${entry.at}  ${entry.action.padEnd(6)} ${source(entry)}${of}: ${entry.field} ${short(value(entry.from))} -> ${short(value(entry.to))}`;
    }),
  ];
}
