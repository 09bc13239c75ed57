/** A job's settings as filed: the Application tab and the Batch settings tab, read-only. */
import { Badge, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import {
  CHANGED_SINCE_KEYS,
  type ChangedSince,
  type Job,
  NOTIFICATION_KEYS,
  START_MODE_KEYS,
} from '../../api/jobs.ts';
import { LabeledValue } from '../../components/labeled-value.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { translate } from '../../i18n/translate.ts';

const yesNo = (value: unknown) => translate(value === true ? 'common.yes' : 'common.no');

function runTime(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds % 3600 === 0) return translate('age.hours', { n: seconds / 3600 });
  if (seconds % 60 === 0) return translate('age.minutes', { n: seconds / 60 });
  return translate('duration.seconds', { s: seconds });
}

export function JobSettingsView({ job }: { job: Job }) {
  const t = useT();
  const s = job.settings;
  const emails = Array.isArray(s.emails) ? s.emails.map(String) : [];
  const byEmail = s.byEmail === true || emails.length > 0;
  const changedSinceKey = CHANGED_SINCE_KEYS[s.changedSince as ChangedSince];
  const changedSince = changedSinceKey ? t(changedSinceKey) : String(s.changedSince ?? '');
  return (
    <Stack gap="md" data-testid="job-settings">
      <Fieldset legend={t('import.tabApplication')}>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <LabeledValue label={t('settings.batchApplication')}>{job.applicationLabel}</LabeledValue>
          <LabeledValue label={t('settings.channel')}>{String(s.channel ?? '')}</LabeledValue>
          <LabeledValue label={t('settings.changedSince')}>
            {byEmail ? t('settings.byEmail') : changedSince}
          </LabeledValue>
          <LabeledValue label={t('settings.timestamp')}>
            {typeof s.timestamp === 'string' ? formatDateTime(s.timestamp) : null}
          </LabeledValue>
          <LabeledValue label={t('settings.emails')}>
            {emails.length > 0 && (
              <Group gap={4}>
                {emails.map((email) => (
                  <Badge key={email} variant="outline" color="gray" tt="none">
                    {email}
                  </Badge>
                ))}
              </Group>
            )}
          </LabeledValue>
          <LabeledValue label={t('settings.confirmAllWarnings')}>{yesNo(s.confirmAllWarnings)}</LabeledValue>
          <LabeledValue label={t('settings.deactivateDeleted')}>{yesNo(s.deactivateDeleted)}</LabeledValue>
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('import.tabBatch')}>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <LabeledValue label={t('settings.jobName')}>{job.name}</LabeledValue>
          <LabeledValue label={t('settings.user')}>{job.user}</LabeledValue>
          <LabeledValue label={t('settings.oltp')}>{job.oltpDatabase}</LabeledValue>
          <LabeledValue label={t('settings.contentLanguage')}>{job.contentLanguage}</LabeledValue>
          <LabeledValue label={t('settings.queue')}>{job.queue}</LabeledValue>
          <LabeledValue label={t('settings.appServer')}>
            {job.appServer ?? t('settings.anyServer')}
          </LabeledValue>
          <LabeledValue label={t('settings.start')}>{t(START_MODE_KEYS[job.startMode])}</LabeledValue>
          <LabeledValue label={t('settings.begin')}>{job.begin && formatDateTime(job.begin)}</LabeledValue>
          <LabeledValue label={t('settings.maxRunTime')}>{runTime(job.maxRunSeconds)}</LabeledValue>
          <LabeledValue label={t('settings.timeoutNotification')}>
            {yesNo(job.timeoutNotification)}
          </LabeledValue>
          {job.startMode === 'series' && (
            <>
              <LabeledValue label={t('settings.pattern')}>
                {job.pattern && <code>{job.pattern}</code>} {job.timeZone && `(${job.timeZone})`}
              </LabeledValue>
              <LabeledValue label={t('settings.end')}>{job.end && formatDateTime(job.end)}</LabeledValue>
              <LabeledValue label={t('settings.seriesCanceled')}>
                {yesNo(job.seriesCanceledNotification)}
              </LabeledValue>
            </>
          )}
          <LabeledValue label={t('settings.notification')}>
            {t(NOTIFICATION_KEYS[job.notification])}
          </LabeledValue>
          <LabeledValue label={t('settings.releaseImmediately')}>
            {yesNo(job.releaseImmediately)}
          </LabeledValue>
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('common.status')}>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <LabeledValue label={t('common.created')}>{formatDateTime(job.createdAt)}</LabeledValue>
          <LabeledValue label={t('settings.released')}>
            {job.releasedAt && formatDateTime(job.releasedAt)}
          </LabeledValue>
          <LabeledValue label={t('settings.due')}>{job.dueAt && formatDateTime(job.dueAt)}</LabeledValue>
          <LabeledValue label={t('settings.lastChange')}>{formatDateTime(job.updatedAt)}</LabeledValue>
          {job.cancelRequested && (
            <LabeledValue label={t('common.cancel')}>{t('settings.cancelRequested')}</LabeledValue>
          )}
          {job.triggerPending && (
            <LabeledValue label={t('jobs.trigger')}>{t('settings.triggerPending')}</LabeledValue>
          )}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
