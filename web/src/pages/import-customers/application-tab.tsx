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
import { CHANGED_SINCE_LABELS, type ChangedSince } from '../../api/jobs.ts';
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

const CHANGED_SINCE_OPTIONS = (Object.keys(CHANGED_SINCE_LABELS) as ChangedSince[]).map((value) => ({
  value,
  label: CHANGED_SINCE_LABELS[value],
}));

export function ApplicationTab({ values, rules, errors, data, onChange, onChannel }: ApplicationTabProps) {
  const channel = data.channels.find((c) => c.name === values.channel);
  const channelOptions = data.channels.map((c) => ({ value: c.name, label: c.name }));
  return (
    <Stack gap="md">
      <Fieldset legend="Action">
        <Stack gap="sm">
          <Select
            label="Sales channel"
            placeholder="Search a sales channel"
            data={channelOptions}
            searchable
            withAsterisk
            nothingFoundMessage="No sales channel matches. Create one in Sales channels."
            value={values.channel}
            onChange={onChannel}
            error={errors['application.channel']}
            description={
              channel
                ? `${channel.adapterLabel} · ${CHANNEL_TYPE_LABELS[channel.type]} · ${channel.url}`
                : 'The sales channel whose customers are imported.'
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
            label="Confirm all warnings"
            description="Records with warnings are imported and the warnings logged, instead of awaiting confirmation."
            checked={values.confirmAllWarnings}
            onChange={(e) => onChange({ confirmAllWarnings: e.currentTarget.checked })}
            data-testid="field-confirm-all-warnings"
          />
          <Checkbox
            label="Deactivate deleted customer accounts"
            description={
              rules.deactivateDeletedHint ??
              'Accounts deleted in the channel get their deletion date (see Sales channel partners).'
            }
            disabled={!rules.deactivateDeleted}
            checked={rules.deactivateDeleted && values.deactivateDeleted}
            onChange={(e) => onChange({ deactivateDeleted: e.currentTarget.checked })}
            error={errors['application.deactivateDeleted']}
            data-testid="field-deactivate-deleted"
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Partner selection">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Changed since"
              data={CHANGED_SINCE_OPTIONS}
              value={values.changedSince}
              disabled={!rules.changedSince}
              onChange={(value) => value && onChange({ changedSince: value as ChangedSince })}
              error={errors['application.changedSince']}
              data-testid="field-changed-since"
            />
            <TextInput
              label="Timestamp"
              type="datetime-local"
              step={1}
              value={values.timestamp}
              disabled={!rules.timestamp}
              onChange={(e) => onChange({ timestamp: e.currentTarget.value })}
              error={errors['application.timestamp']}
              description="Customers added or changed since then (Manual)."
              data-testid="field-timestamp"
            />
          </SimpleGrid>
          {rules.showByEmail && (
            <>
              <Checkbox
                label="By email"
                description="Import selected customers by the e-mail address they registered with."
                checked={values.byEmail}
                onChange={(e) => onChange({ byEmail: e.currentTarget.checked })}
                error={errors['application.byEmail']}
                data-testid="field-by-email"
              />
              <TagsInput
                label="Emails"
                placeholder={rules.emails ? 'Type an address, press Enter' : undefined}
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
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label="Batch application" value={data.application.label} readOnly variant="filled" />
      <TextInput
        label="Development object"
        value={data.application.developmentObject}
        readOnly
        variant="filled"
      />
    </SimpleGrid>
  );
}
