/** A job's settings as filed: the Application tab and the Batch settings tab, read-only. */
import { Badge, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import {
  CHANGED_SINCE_LABELS,
  type ChangedSince,
  type Job,
  NOTIFICATION_LABELS,
  START_MODE_LABELS,
} from '../../api/jobs.ts';
import { LabeledValue } from '../../components/labeled-value.tsx';
import { formatDateTime } from '../../format/date-time.ts';

const yesNo = (value: unknown) => (value === true ? 'Yes' : 'No');

function runTime(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export function JobSettingsView({ job }: { job: Job }) {
  const s = job.settings;
  const emails = Array.isArray(s.emails) ? s.emails.map(String) : [];
  const byEmail = s.byEmail === true || emails.length > 0;
  const changedSince = CHANGED_SINCE_LABELS[s.changedSince as ChangedSince] ?? String(s.changedSince ?? '');
  return (
    <Stack gap="md" data-testid="job-settings">
      <Fieldset legend="Application">
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <LabeledValue label="Batch application">{job.applicationLabel}</LabeledValue>
          <LabeledValue label="Sales channel">{String(s.channel ?? '')}</LabeledValue>
          <LabeledValue label="Changed since">{byEmail ? 'By email' : changedSince}</LabeledValue>
          <LabeledValue label="Timestamp">
            {typeof s.timestamp === 'string' ? formatDateTime(s.timestamp) : null}
          </LabeledValue>
          <LabeledValue label="Emails">
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
          <LabeledValue label="Confirm all warnings">{yesNo(s.confirmAllWarnings)}</LabeledValue>
          <LabeledValue label="Deactivate deleted customer accounts">
            {yesNo(s.deactivateDeleted)}
          </LabeledValue>
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Batch settings">
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <LabeledValue label="Batch job">{job.name}</LabeledValue>
          <LabeledValue label="User">{job.user}</LabeledValue>
          <LabeledValue label="OLTP database">{job.oltpDatabase}</LabeledValue>
          <LabeledValue label="Content language">{job.contentLanguage}</LabeledValue>
          <LabeledValue label="Processing queue">{job.queue}</LabeledValue>
          <LabeledValue label="Application server">{job.appServer ?? 'any'}</LabeledValue>
          <LabeledValue label="Start">{START_MODE_LABELS[job.startMode]}</LabeledValue>
          <LabeledValue label="Begin">{job.begin && formatDateTime(job.begin)}</LabeledValue>
          <LabeledValue label="Maximum run time">{runTime(job.maxRunSeconds)}</LabeledValue>
          <LabeledValue label="Timeout notification">{yesNo(job.timeoutNotification)}</LabeledValue>
          {job.startMode === 'series' && (
            <>
              <LabeledValue label="Serial pattern">
                {job.pattern && <code>{job.pattern}</code>} {job.timeZone && `(${job.timeZone})`}
              </LabeledValue>
              <LabeledValue label="End">{job.end && formatDateTime(job.end)}</LabeledValue>
              <LabeledValue label="Series canceled">{yesNo(job.seriesCanceledNotification)}</LabeledValue>
            </>
          )}
          <LabeledValue label="Notification">{NOTIFICATION_LABELS[job.notification]}</LabeledValue>
          <LabeledValue label="Release immediately">{yesNo(job.releaseImmediately)}</LabeledValue>
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Status">
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <LabeledValue label="Created">{formatDateTime(job.createdAt)}</LabeledValue>
          <LabeledValue label="Released">{job.releasedAt && formatDateTime(job.releasedAt)}</LabeledValue>
          <LabeledValue label="Due">{job.dueAt && formatDateTime(job.dueAt)}</LabeledValue>
          <LabeledValue label="Last change">{formatDateTime(job.updatedAt)}</LabeledValue>
          {job.cancelRequested && <LabeledValue label="Cancel">requested</LabeledValue>}
          {job.triggerPending && <LabeledValue label="Trigger">one more run pending</LabeledValue>}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
