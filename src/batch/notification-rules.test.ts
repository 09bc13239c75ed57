import { describe, expect, it } from 'vitest';
import type { NotificationSetting } from '../domain/batch-job.ts';
import { type EndedState, noticesForMissed, noticesForRunEnd } from './notification-rules.ts';

const job = (notification: NotificationSetting, extra = {}) => ({
  id: 7,
  name: 'nightly',
  notification,
  timeoutNotification: false,
  seriesCanceledNotification: false,
  ...extra,
});
const run = (hasErrors: boolean, extra = {}) => ({
  hasErrors,
  timedOut: false,
  seriesCanceled: false,
  summary: 'read 3',
  state: (hasErrors ? 'failed' : 'finished') as EndedState,
  ...extra,
});

describe('notification rules', () => {
  it.each([
    ['none', false, []],
    ['none', true, []],
    ['dialog', false, ['dialog']],
    ['dialog', true, ['dialog']],
    ['dialog-errors', false, []],
    ['dialog-errors', true, ['dialog']],
    ['workflow', false, ['workflow']],
    ['workflow', true, ['workflow']],
    ['workflow-errors', false, []],
    ['workflow-errors', true, ['workflow']],
  ] as const)('Notification %s, errors %s -> %j', (setting, errors, channels) => {
    const notices = noticesForRunEnd(job(setting), run(errors));
    expect(notices.map((n) => n.channel)).toEqual(channels);
    for (const notice of notices) expect(notice).toMatchObject({ topic: 'run-ended', hasErrors: errors });
  });

  it('adds a timeout notice when asked for, even with Notification none, the way Notification points', () => {
    expect(
      noticesForRunEnd(job('none', { timeoutNotification: true }), run(true, { timedOut: true })),
    ).toEqual([expect.objectContaining({ channel: 'dialog', topic: 'timeout' })]);
    expect(
      noticesForRunEnd(
        job('workflow-errors', { timeoutNotification: true }),
        run(true, { timedOut: true }),
      ).map((n) => [n.channel, n.topic]),
    ).toEqual([
      ['workflow', 'run-ended'],
      ['workflow', 'timeout'],
    ]);
    expect(noticesForRunEnd(job('none'), run(true, { timedOut: true }))).toEqual([]);
  });

  it('adds a series-canceled notice only with Series canceled on', () => {
    expect(noticesForRunEnd(job('none'), run(true, { seriesCanceled: true }))).toEqual([]);
    expect(
      noticesForRunEnd(
        job('none', { seriesCanceledNotification: true }),
        run(true, { seriesCanceled: true }),
      ),
    ).toEqual([expect.objectContaining({ topic: 'series-canceled', channel: 'dialog' })]);
  });

  it('tells about a missed job like about a run with errors', () => {
    expect(noticesForMissed({ ...job('dialog-errors'), begin: '2026-01-01T00:00:00.000Z' })).toHaveLength(1);
    expect(noticesForMissed({ ...job('none'), begin: null })).toEqual([]);
  });

  it('writes titles and messages in the job language (English as always, and for a language without a catalogue)', () => {
    const texts = (language: string | undefined) =>
      [
        ...noticesForRunEnd(
          job('dialog', {
            contentLanguage: language,
            timeoutNotification: true,
            seriesCanceledNotification: true,
          }),
          run(true, { timedOut: true, seriesCanceled: true, summary: 'S.' }),
        ),
        ...noticesForMissed({
          ...job('dialog', { contentLanguage: language }),
          begin: '2026-01-01T00:00:00.000Z',
        }),
      ].map((notice) => `${notice.title} | ${notice.message}`);
    const english = [
      'Batch job "nightly" (7) failed with errors | S.',
      'Batch job "nightly" (7) reached its maximum run time | The run was stopped after its maximum run time. S.',
      'Series of batch job "nightly" (7) canceled | S.',
      'Batch job "nightly" (7) missed its start | No application server started it in its start window after Begin 2026-01-01T00:00:00.000Z.',
    ];
    expect(texts(undefined)).toEqual(english);
    expect(texts('fr-FR')).toEqual(english);
    expect(texts('de-AT')).toEqual([
      'Batchjob „nightly“ (7) fehlgeschlagen (mit Fehlern) | S.',
      'Batchjob „nightly“ (7) hat seine maximale Laufzeit erreicht | Der Lauf wurde nach seiner maximalen Laufzeit angehalten. S.',
      'Serie des Batchjobs „nightly“ (7) abgebrochen | S.',
      'Batchjob „nightly“ (7) hat seinen Start verpasst | Kein Anwendungsserver hat ihn in seinem Startfenster nach Beginn 2026-01-01T00:00:00.000Z gestartet.',
    ]);
    expect(texts('pl')).toEqual([
      'Zadanie wsadowe „nightly” (7) zakończone błędem | S.',
      'Zadanie wsadowe „nightly” (7) osiągnęło maksymalny czas działania | Przebieg został zatrzymany po upływie maksymalnego czasu działania. S.',
      'Seria zadania wsadowego „nightly” (7) anulowana | S.',
      'Zadanie wsadowe „nightly” (7) nie wystartowało w wyznaczonym czasie | Żaden serwer aplikacji nie uruchomił go w oknie startowym po terminie rozpoczęcia 2026-01-01T00:00:00.000Z.',
    ]);
  });
});
