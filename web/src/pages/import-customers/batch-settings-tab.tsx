/**
 * The Batch settings tab: Batch job, User, OLTP database, Content language, Processing queue, Application
 * server (value assistants as searchable pickers), Start with its schedule, Notification, Release immediately.
 */
import { Anchor, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router-dom';
import { NOTIFICATION_KEYS, type NotificationSetting } from '../../api/jobs.ts';
import { useT } from '../../i18n/i18n-context.ts';
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

export function BatchSettingsTab({ values, rules, errors, data, onChange }: BatchSettingsTabProps) {
  const t = useT();
  const notificationOptions = (Object.keys(NOTIFICATION_KEYS) as NotificationSetting[]).map((value) => ({
    value,
    label: t(NOTIFICATION_KEYS[value]),
  }));
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
      <Fieldset legend={t('settings.jobName')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t('settings.jobName')}
            placeholder="import-customers-<id>"
            description={t('import.jobNameHint')}
            value={values.name}
            maxLength={80}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={errors['batch.name']}
            data-testid="field-job-name"
          />
          <Select
            label={t('settings.user')}
            description={t('import.userHint')}
            data={users}
            searchable
            value={values.user}
            onChange={(user) => onChange({ user })}
            error={errors['batch.user']}
            data-testid="field-user"
          />
          <TextInput
            label={t('settings.oltp')}
            value={values.oltpDatabase}
            readOnly
            variant="filled"
            data-testid="field-oltp-database"
          />
          <Select
            label={t('settings.contentLanguage')}
            data={languages}
            searchable
            value={values.contentLanguage}
            onChange={(contentLanguage) => onChange({ contentLanguage })}
            error={errors['batch.contentLanguage']}
            data-testid="field-content-language"
          />
          <Select
            label={t('settings.queue')}
            withAsterisk
            placeholder={t('import.searchQueue')}
            data={queues}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('import.clearQueue'), 'aria-hidden': false }}
            value={values.queue}
            onChange={(queue) => onChange({ queue })}
            error={errors['batch.queue']}
            nothingFoundMessage={t('import.noSuchQueue')}
            description={
              <Text span size="xs" c="dimmed">
                {t('import.queuesDefinedBefore')}{' '}
                <Anchor component={Link} to="/system-cockpit?category=queues" size="xs">
                  {t('nav.systemCockpit')}
                </Anchor>{' '}
                {t('import.queuesDefinedAfter')}
              </Text>
            }
            data-testid="field-queue"
          />
          <Select
            label={t('settings.appServer')}
            placeholder={t('import.anyAppServer')}
            description={t('import.appServerHint')}
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
                      {t(`state.${server.status}`)}
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

      <Fieldset legend={t('import.notificationRelease')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Select
            label={t('settings.notification')}
            data={notificationOptions}
            value={values.notification}
            onChange={(value) => value && onChange({ notification: value as NotificationSetting })}
            error={errors['batch.notification']}
            data-testid="field-notification"
          />
          <Checkbox
            mt={{ sm: 28 }}
            label={t('settings.releaseImmediately')}
            description={
              rules.releaseImmediately ? t('import.releaseHint') : t('import.releaseScheduledHint')
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
