/** A human-readable summary of an import run and its log. */
import { countOf } from '../domain/count-words.ts';
import type { ImportRun, RunLogLine } from '../domain/import-run.ts';
import { movesWatermark } from '../import/selection.ts';
import { formatTable } from './table.ts';

const MAX_LOG_LINES = 50;

export function formatRunSummary(run: ImportRun, log: readonly RunLogLine[]): string {
  const c = run.counts;
  const lines = [
    `Import run ${run.id} of sales channel "${run.channel}" ${runOutcome(run)} (${run.changedSince}).`,
    `  read ${c.read}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}, warnings ${c.warnings}, errors ${c.errors}, awaiting confirmation ${c.awaiting}, deactivated ${c.deactivated}`,
  ];
  if (run.error) lines.push(`  Failed: ${run.error.message} [${run.error.code}]`);
  if (movesWatermark(run.changedSince) && run.state === 'finished' && c.errors + c.awaiting > 0) {
    lines.push(
      `  Last transfer held at ${run.watermarkAfter}: the change time of the oldest customer not imported, so that it is read again.`,
    );
  } else if (run.watermarkAfter !== run.watermarkBefore) {
    lines.push(`  Last transfer now at ${run.watermarkAfter}.`);
  }
  if (c.awaiting > 0) {
    lines.push(
      `  ${countOf(c.awaiting, 'customer awaits', 'customers await')} confirmation of ${c.awaiting === 1 ? 'its' : 'their'} warnings: import again with --confirm-all-warnings to import ${c.awaiting === 1 ? 'it' : 'them'}.`,
    );
  }
  if (log.length > 0) {
    lines.push('', 'Run log (not imported, imported with warnings, deactivated):');
    const shown = log.slice(0, MAX_LOG_LINES);
    lines.push(
      formatTable(
        ['Level', 'Customer', 'Code', 'Reason'],
        shown.map((l) => [l.level, l.externalId ?? '-', l.code, l.message]),
      ),
    );
    if (log.length > shown.length)
      lines.push(`... and ${log.length - shown.length} more (use --json for all).`);
  }
  return lines.join('\n');
}

/** "finished", "finished with 1 error", "failed", "running". */
export function runOutcome(run: Pick<ImportRun, 'state' | 'counts'>): string {
  if (run.state === 'finished' && run.counts.errors > 0)
    return `finished with ${countOf(run.counts.errors, 'error')}`;
  return run.state;
}
