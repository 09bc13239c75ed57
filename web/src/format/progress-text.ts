/**
 * How far an active run is, in words: with the shop's total "1,200 of 30,000 · about 2 min left", else the
 * records and pages so far with the rate ("1,200 records in 4 pages · 85 records/s"). The rate counts from
 * the run's start (a wait for a busy channel included), so the estimate errs towards longer.
 */
import type { Run } from '../api/jobs.ts';
import { translate } from '../i18n/translate.ts';
import { countOf } from './run-outcome.ts';

export interface ProgressFigures {
  read: number;
  pages: number;
  total: number | null;
  /** Records per second since the start; null before a record was read. */
  rate: number | null;
  /** Seconds left at that rate; null without a total or a rate. */
  secondsLeft: number | null;
  /** 0..100 with a total, else null. */
  percent: number | null;
}

export function progressFigures(
  run: Pick<Run, 'counts' | 'progress' | 'startedAt'>,
  now: number,
): ProgressFigures {
  const read = run.counts?.read ?? 0;
  const pages = run.progress?.pages ?? 0;
  const reported = run.progress?.total ?? null;
  const total = reported === null ? null : Math.max(reported, read);
  const seconds = (now - Date.parse(run.startedAt)) / 1000;
  const rate = read > 0 && seconds > 0 ? read / seconds : null;
  const secondsLeft = total !== null && rate !== null ? (total - read) / rate : null;
  const percent = total === null ? null : total === 0 ? 100 : Math.min(100, (100 * read) / total);
  return { read, pages, total, rate, secondsLeft, percent };
}

/** "about 2 min left", "about 40 s left", "less than 10 s left" */
export function timeLeftText(seconds: number): string {
  if (seconds < 10) return translate('progress.lessThan10s');
  if (seconds < 90) return translate('progress.aboutSeconds', { n: Math.round(seconds / 10) * 10 });
  if (seconds < 90 * 60) return translate('progress.aboutMinutes', { n: Math.round(seconds / 60) });
  return translate('progress.aboutHours', { n: Math.round(seconds / 3600) });
}

export function progressText(figures: ProgressFigures): string {
  const { read, pages, total, rate, secondsLeft } = figures;
  if (total !== null) {
    const left = secondsLeft === null ? '' : ` · ${timeLeftText(secondsLeft)}`;
    return `${translate('progress.ofTotal', { read, total })}${left}`;
  }
  const rateText = rate === null ? '' : ` · ${translate('progress.rate', { rate: Math.round(rate) })}`;
  return `${translate('progress.soFar', { records: countOf(read, 'count.records'), pages: countOf(pages, 'count.pages') })}${rateText}`;
}
