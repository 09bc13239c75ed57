/**
 * The Batch settings tab: Batch job, User, OLTP database, Content language, Processing queue, Application
 * server (value assistants as searchable pickers), Start with its schedule, Notification, Release immediately.
 */
import { Anchor, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router-dom';
import { NOTIFICATION_LABELS, type NotificationSetting } from '../../api/jobs.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import type { FieldErrors } from './import-fields.ts';
import type { ImportFormValues } from './import-form-values.ts';
import { StartFields } from './start-fields.tsx';
import type { ImportReferenceData } from './use-import-reference-data.ts';

interface BatchSettingsTabProps {
  values: ImportFormValues;
  rules: ImportFieldRules;
  errors: FieldErrors;
  data: ImportReferenceData;
  onChange: (patch: Partial<ImportFormValues>) => void;
}

const NOTIFICATION_OPTIONS = (Object.keys(NOTIFICATION_LABELS) as NotificationSetting[]).map((value) => ({
  value,
  label: NOTIFICATION_LABELS[value],
}));

export function BatchSettingsTab({ values, rules, errors, data, onChange }: BatchSettingsTabProps) {
  const users = data.users
    .filter((user) => !user.disabled || user.name === values.user)
    .map((user) => ({
      value: user.name,
      label:
        user.displayName && user.displayName !== user.name ? `${user.displayName} (${user.name})` : user.name,
    }));
  const languages = data.system.languages.map((language) => ({
    value: language.code,
    label: `${language.label} (${language.code})`,
  }));
  if (values.contentLanguage && !languages.some((l) => l.value === values.contentLanguage))
    languages.unshift({ value: values.contentLanguage, label: values.contentLanguage });
  const queues = data.queues.map((queue) => ({ value: queue.name, label: queue.name }));
  const servers = data.appServers.map((server) => ({ value: server.name, label: server.name }));
  if (values.appServer && !servers.some((s) => s.value === values.appServer))
    servers.unshift({ value: values.appServer, label: values.appServer });

  return (
    <Stack gap="md">
      <Fieldset legend="Batch job">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label="Batch job"
            placeholder="import-customers-<id>"
            description="Optional; find the job by this name in Batch jobs."
            value={values.name}
            maxLength={80}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={errors['batch.name']}
            data-testid="field-job-name"
          />
          <Select
            label="User"
            description="Gets the notifications."
            data={users}
            searchable
            value={values.user}
            onChange={(user) => onChange({ user })}
            error={errors['batch.user']}
            data-testid="field-user"
          />
          <TextInput
            label="OLTP database"
            value={values.oltpDatabase}
            readOnly
            variant="filled"
            data-testid="field-oltp-database"
          />
          <Select
            label="Content language"
            data={languages}
            searchable
            value={values.contentLanguage}
            onChange={(contentLanguage) => onChange({ contentLanguage })}
            error={errors['batch.contentLanguage']}
            data-testid="field-content-language"
          />
          <Select
            label="Processing queue"
            withAsterisk
            placeholder="Search a processing queue"
            data={queues}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear processing queue', 'aria-hidden': false }}
            value={values.queue}
            onChange={(queue) => onChange({ queue })}
            error={errors['batch.queue']}
            nothingFoundMessage="No such queue."
            description={
              <Text span size="xs" c="dimmed">
                Queues are defined in the{' '}
                <Anchor component={Link} to="/system-cockpit?category=queues" size="xs">
                  System cockpit
                </Anchor>{' '}
                (Category: Processing queues).
              </Text>
            }
            data-testid="field-queue"
          />
          <Select
            label="Application server"
            placeholder="Any application server"
            description="Optional; the job runs only there."
            data={servers}
            searchable
            clearable
            value={values.appServer}
            onChange={(appServer) => onChange({ appServer })}
            error={errors['batch.appServer']}
            renderOption={({ option }) => {
              const server = data.appServers.find((s) => s.name === option.value);
              return (
                <Group justify="space-between" w="100%" wrap="nowrap">
                  <Text size="sm">{option.label}</Text>
                  {server && (
                    <Text size="xs" c={server.status === 'running' ? 'green' : 'dimmed'}>
                      {server.status}
                    </Text>
                  )}
                </Group>
              );
            }}
            data-testid="field-app-server"
          />
        </SimpleGrid>
      </Fieldset>

      <StartFields values={values} rules={rules} errors={errors} data={data} onChange={onChange} />

      <Fieldset legend="Notification and release">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Select
            label="Notification"
            data={NOTIFICATION_OPTIONS}
            value={values.notification}
            onChange={(value) => value && onChange({ notification: value as NotificationSetting })}
            error={errors['batch.notification']}
            data-testid="field-notification"
          />
          <Checkbox
            mt={{ sm: 28 }}
            label="Release immediately"
            description={
              rules.releaseImmediately
                ? 'Otherwise release the job in Batch jobs.'
                : 'Scheduled jobs are filed planned; release them in Batch jobs.'
            }
            disabled={!rules.releaseImmediately}
            checked={rules.releaseImmediately && values.releaseImmediately}
            onChange={(e) => onChange({ releaseImmediately: e.currentTarget.checked })}
            error={errors['batch.releaseImmediately']}
            data-testid="field-release-immediately"
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
