/**
 * The Import customers dialog's content: the Application and Batch settings tabs with their rules, the
 * checks at the fields, and the buttons. Used to file a job ([In batch]) and to edit a filed one.
 */
import { Alert, Badge, Button, Group, Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconPlayerPlay } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { ImportCustomersRequest, ImportSettings } from '../../api/jobs.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { ApplicationHeader, ApplicationTab } from './application-tab.tsx';
import { BatchSettingsTab } from './batch-settings-tab.tsx';
import { importFieldRules } from './import-field-rules.ts';
import { errorsOnTab, type FieldErrors, fieldOfApiError, type ImportTab, tabOf } from './import-fields.ts';
import type { ImportFormValues } from './import-form-values.ts';
import { toRequest } from './import-request.ts';
import { validateImport } from './import-validation.ts';
import { adapterOfChannel, type ImportReferenceData } from './use-import-reference-data.ts';

interface ImportCustomersFormProps {
  data: ImportReferenceData;
  initial: ImportFormValues;
  submitLabel: string;
  submitIcon?: ReactNode;
  onSubmit: (request: ImportCustomersRequest) => Promise<void>;
  /** Extra buttons left of the submit button (Cancel, Reset). */
  secondary?: (reset: () => void) => ReactNode;
  /** After a successful submit the form starts over with `initial` (filing: ready for the next job). */
  resetAfterSubmit?: boolean;
  /** [Preview]: called with the Application settings once they pass their checks. */
  onPreview?: (application: ImportSettings) => void;
}

function tabLabel(label: string, errorCount: number) {
  return (
    <Group gap={6} wrap="nowrap">
      {label}
      {errorCount > 0 && (
        <Badge size="xs" color="red" variant="filled" circle>
          {errorCount}
        </Badge>
      )}
    </Group>
  );
}

export function ImportCustomersForm(props: ImportCustomersFormProps) {
  const t = useT();
  const { data, initial, submitLabel, onSubmit, secondary } = props;
  const [values, setValues] = useState<ImportFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [tab, setTab] = useState<ImportTab>('application');
  const [busy, setBusy] = useState(false);

  const adapter = adapterOfChannel(data, values.channel);
  const rules = importFieldRules(values, adapter);

  function change(patch: Partial<ImportFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    const touched = Object.keys(patch);
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(next) as (keyof FieldErrors)[]) {
        const field = key.split('.')[1] ?? '';
        if (touched.includes(field) || (field === 'maxRunSeconds' && touched.includes('maxRunTime')))
          delete next[key];
      }
      return next;
    });
  }

  function changeChannel(channel: string | null) {
    const next = adapterOfChannel(data, channel);
    change({
      channel,
      byEmail: next?.capabilities.byEmail ? values.byEmail : false,
      deactivateDeleted: next && next.capabilities.deletions !== 'none' ? values.deactivateDeleted : false,
    });
  }

  function showErrors(found: FieldErrors) {
    setErrors(found);
    const keys = Object.keys(found) as (keyof FieldErrors)[];
    const first = keys[0];
    if (first && !keys.some((key) => tabOf(key) === tab)) setTab(tabOf(first));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(null);
    const found = validateImport(values, rules);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(toRequest(values, rules));
      if (props.resetAfterSubmit) reset();
      else setErrors({});
    } catch (error) {
      const key = error instanceof ApiError ? fieldOfApiError(error.field) : null;
      if (key) showErrors({ [key]: errorMessage(error) });
      else setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function preview() {
    setGeneral(null);
    const found = Object.fromEntries(
      Object.entries(validateImport(values, rules)).filter(
        ([key]) => tabOf(key as keyof FieldErrors) === 'application',
      ),
    ) as FieldErrors;
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    props.onPreview?.(toRequest(values, rules).application as ImportSettings);
  }

  function reset() {
    setValues(initial);
    setTab('application');
    setErrors({});
    setGeneral(null);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="form-error">
            {general}
          </Alert>
        )}
        <Tabs value={tab} onChange={(next) => next && setTab(next as ImportTab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="application" data-testid="tab-application">
              {tabLabel(t('import.tabApplication'), errorsOnTab(errors, 'application'))}
            </Tabs.Tab>
            <Tabs.Tab value="batch" data-testid="tab-batch">
              {tabLabel(t('import.tabBatch'), errorsOnTab(errors, 'batch'))}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="application" pt="md">
            <Stack gap="md">
              <ApplicationHeader data={data} />
              <ApplicationTab
                values={values}
                rules={rules}
                errors={errors}
                data={data}
                onChange={change}
                onChannel={changeChannel}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="batch" pt="md">
            <BatchSettingsTab values={values} rules={rules} errors={errors} data={data} onChange={change} />
          </Tabs.Panel>
        </Tabs>
        <Group justify="flex-end" gap="sm" pt="xs">
          {secondary?.(reset)}
          {props.onPreview && (
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              onClick={preview}
              data-testid="preview-import"
            >
              {t('preview.button')}
            </Button>
          )}
          <Button
            type="submit"
            loading={busy}
            leftSection={props.submitIcon ?? <IconPlayerPlay size={16} />}
            data-testid="submit-import"
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
