/** A human-readable summary of an import run and its log, in the job's content language (default English). */
import type { ImportRun, RunLogLine } from '../domain/import-run.ts';
import { ENGLISH_MESSAGES, type Messages } from '../domain/messages/messages.ts';
import { movesWatermark } from '../import/selection.ts';
import { formatTable } from './table.ts';

const MAX_LOG_LINES = 50;

export function formatRunSummary(
  run: ImportRun,
  log: readonly RunLogLine[],
  messages: Messages = ENGLISH_MESSAGES,
): string {
  const c = run.counts;
  const say = messages.say;
  const digits = (n: number) => String(n);
  const lines = [
    say('report.headline', {
      run: String(run.id),
      channel: run.channel,
      outcome: runOutcome(run, messages),
      mode: run.changedSince,
    }),
    `  ${say('report.counts', {
      ...{ read: digits(c.read), created: digits(c.created), updated: digits(c.updated) },
      ...{ unchanged: digits(c.unchanged), skipped: digits(c.skipped), warnings: digits(c.warnings) },
      ...{ errors: digits(c.errors), awaiting: digits(c.awaiting), deactivated: digits(c.deactivated) },
    })}`,
  ];
  if (run.error)
    lines.push(`  ${say('report.failed', { message: run.error.message, code: run.error.code })}`);
  if (movesWatermark(run.changedSince) && run.state === 'finished' && c.errors + c.awaiting > 0) {
    lines.push(`  ${say('report.watermark-held', { watermark: String(run.watermarkAfter) })}`);
  } else if (run.watermarkAfter !== run.watermarkBefore) {
    lines.push(`  ${say('report.watermark-moved', { watermark: String(run.watermarkAfter) })}`);
  }
  if (c.awaiting > 0) lines.push(`  ${say('report.awaiting', { count: c.awaiting })}`);
  if (log.length > 0) {
    lines.push('', say('report.log-heading', {}));
    const shown = log.slice(0, MAX_LOG_LINES);
    lines.push(
      formatTable(
        [
          say('report.column.level', {}),
          say('report.column.customer', {}),
          say('report.column.code', {}),
          say('report.column.reason', {}),
        ],
        shown.map((l) => [l.level, l.externalId ?? '-', l.code, l.message]),
      ),
    );
    if (log.length > shown.length)
      lines.push(say('report.more', { more: String(log.length - shown.length) }));
  }
  return lines.join('\n');
}

/** "finished", "finished with 1 error", "failed", "running" (or in the given language). */
export function runOutcome(run: Pick<ImportRun, 'state' | 'counts'>, messages = ENGLISH_MESSAGES): string {
  if (run.state === 'finished' && run.counts.errors > 0)
    return messages.say('outcome.finished-with-errors', { count: run.counts.errors });
  return messages.say(`outcome.${run.state}`, {});
}
