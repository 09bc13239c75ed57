/**
 * The Application tab: the application's header fields, the Action section (Sales channel, Confirm all
 * warnings, Deactivate deleted customer accounts) and Partner selection (Changed since, Timestamp, and
 * By email / Emails for adapters that can select by e-mail).
 */
import {
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { CHANNEL_TYPE_LABELS } from '../../api/channels.ts';
import { CHANGED_SINCE_KEYS, type ChangedSince } from '../../api/jobs.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import type { FieldErrors } from './import-fields.ts';
import type { ImportFormValues } from './import-form-values.ts';
import type { ImportReferenceData } from './use-import-reference-data.ts';

interface ApplicationTabProps {
  values: ImportFormValues;
  rules: ImportFieldRules;
  errors: FieldErrors;
  data: ImportReferenceData;
  onChange: (patch: Partial<ImportFormValues>) => void;
  onChannel: (channel: string | null) => void;
}

export function ApplicationTab({ values, rules, errors, data, onChange, onChannel }: ApplicationTabProps) {
  const t = useT();
  const changedSinceOptions = (Object.keys(CHANGED_SINCE_KEYS) as ChangedSince[]).map((value) => ({
    value,
    label: t(CHANGED_SINCE_KEYS[value]),
  }));
  const channel = data.channels.find((c) => c.name === values.channel);
  const channelOptions = data.channels.map((c) => ({ value: c.name, label: c.name }));
  return (
    <Stack gap="md">
      <Fieldset legend={t('import.action')}>
        <Stack gap="sm">
          <Select
            label={t('settings.channel')}
            placeholder={t('import.searchChannel')}
            data={channelOptions}
            searchable
            withAsterisk
            nothingFoundMessage={t('import.noChannelMatches')}
            value={values.channel}
            onChange={onChannel}
            error={errors['application.channel']}
            description={
              channel
                ? `${channel.adapterLabel} · ${CHANNEL_TYPE_LABELS[channel.type]} · ${channel.url}`
                : t('import.channelHint')
            }
            renderOption={({ option }) => {
              const c = data.channels.find((item) => item.name === option.value);
              return (
                <Group justify="space-between" w="100%" wrap="nowrap">
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {c ? `${c.adapterLabel} · ${CHANNEL_TYPE_LABELS[c.type]}` : ''}
                  </Text>
                </Group>
              );
            }}
            data-testid="field-channel"
          />
          <Checkbox
            label={t('settings.confirmAllWarnings')}
            description={t('import.confirmAllHint')}
            checked={values.confirmAllWarnings}
            onChange={(e) => onChange({ confirmAllWarnings: e.currentTarget.checked })}
            data-testid="field-confirm-all-warnings"
          />
          <Checkbox
            label={t('settings.deactivateDeleted')}
            description={rules.deactivateDeletedHint ?? t('import.deactivateHint')}
            disabled={!rules.deactivateDeleted}
            checked={rules.deactivateDeleted && values.deactivateDeleted}
            onChange={(e) => onChange({ deactivateDeleted: e.currentTarget.checked })}
            error={errors['application.deactivateDeleted']}
            data-testid="field-deactivate-deleted"
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('import.partnerSelection')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('settings.changedSince')}
              data={changedSinceOptions}
              value={values.changedSince}
              disabled={!rules.changedSince}
              onChange={(value) => value && onChange({ changedSince: value as ChangedSince })}
              error={errors['application.changedSince']}
              data-testid="field-changed-since"
            />
            <TextInput
              label={t('settings.timestamp')}
              type="datetime-local"
              step={1}
              value={values.timestamp}
              disabled={!rules.timestamp}
              onChange={(e) => onChange({ timestamp: e.currentTarget.value })}
              error={errors['application.timestamp']}
              description={t('import.timestampHint')}
              data-testid="field-timestamp"
            />
          </SimpleGrid>
          {rules.showByEmail && (
            <>
              <Checkbox
                label={t('settings.byEmail')}
                description={t('import.byEmailHint')}
                checked={values.byEmail}
                onChange={(e) => onChange({ byEmail: e.currentTarget.checked })}
                error={errors['application.byEmail']}
                data-testid="field-by-email"
              />
              <TagsInput
                label={t('settings.emails')}
                placeholder={rules.emails ? t('import.emailsHint') : undefined}
                splitChars={[',', ' ', ';']}
                acceptValueOnBlur
                clearable
                value={values.emails}
                disabled={!rules.emails}
                onChange={(emails) => onChange({ emails })}
                error={errors['application.emails']}
                data-testid="field-emails"
              />
            </>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}

export function ApplicationHeader({ data }: { data: ImportReferenceData }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label={t('settings.batchApplication')}
        value={data.application.label}
        readOnly
        variant="filled"
      />
      <TextInput
        label={t('import.developmentObject')}
        value={data.application.developmentObject}
        readOnly
        variant="filled"
      />
    </SimpleGrid>
  );
}
