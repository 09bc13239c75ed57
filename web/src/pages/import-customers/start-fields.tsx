/**
 * Start and its schedule: Begin and Maximum run time (once only, series), Timeout notification (where
 * Maximum run time applies), Serial pattern, time zone, End and Series canceled (series). Fields a start
 * mode does not use stay visible but disabled.
 */
import { Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { START_MODE_KEYS, type StartMode } from '../../api/jobs.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import type { FieldErrors } from './import-fields.ts';
import { type ImportFormValues, type RunTimeUnit, withStartMode } from './import-form-values.ts';
import { SerialPatternInput } from './serial-pattern-input.tsx';
import type { ImportReferenceData } from './use-import-reference-data.ts';

/** Begin and End are entered in the browser's time zone (the serial pattern uses the job's). */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface StartFieldsProps {
  values: ImportFormValues;
  rules: ImportFieldRules;
  errors: FieldErrors;
  data: ImportReferenceData;
  onChange: (patch: Partial<ImportFormValues>) => void;
}

const UNITS: { value: RunTimeUnit; label: MessageKey }[] = [
  { value: 'seconds', label: 'unit.seconds' },
  { value: 'minutes', label: 'unit.minutes' },
  { value: 'hours', label: 'unit.hours' },
];

export function StartFields({ values, rules, errors, data, onChange }: StartFieldsProps) {
  const t = useT();
  const LOCAL_TIME = t('import.yourTime', { zone: BROWSER_ZONE });
  const startOptions = (Object.keys(START_MODE_KEYS) as StartMode[]).map((value) => ({
    value,
    label: t(START_MODE_KEYS[value]),
  }));
  const unitOptions = UNITS.map((unit) => ({ value: unit.value, label: t(unit.label) }));
  const timeZones = data.system.timeZones.length > 0 ? data.system.timeZones : [data.system.timeZone];
  return (
    <Fieldset legend={t('settings.start')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Select
          label={t('settings.start')}
          data={startOptions}
          value={values.startMode}
          onChange={(mode) => mode && onChange(withStartMode(values, mode as StartMode))}
          error={errors['batch.startMode']}
          data-testid="field-start-mode"
        />
        <TextInput
          label={t('settings.begin')}
          type="datetime-local"
          description={
            values.startMode === 'series'
              ? t('import.beginSeriesHint', { zone: LOCAL_TIME })
              : `${LOCAL_TIME}.`
          }
          value={values.begin}
          disabled={!rules.begin}
          withAsterisk={values.startMode === 'once'}
          onChange={(e) => onChange({ begin: e.currentTarget.value })}
          error={errors['batch.begin']}
          data-testid="field-begin"
        />
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <NumberInput
            label={t('settings.maxRunTime')}
            placeholder={t('import.noLimit')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            flex={1}
            value={values.maxRunTime}
            disabled={!rules.maxRunTime}
            onChange={(value) => onChange({ maxRunTime: typeof value === 'number' ? value : '' })}
            error={errors['batch.maxRunSeconds']}
            data-testid="field-max-run-time"
          />
          <Select
            label={t('import.unit')}
            aria-label={t('import.unitLabel')}
            w={110}
            data={unitOptions}
            value={values.maxRunUnit}
            disabled={!rules.maxRunTime}
            onChange={(unit) => unit && onChange({ maxRunUnit: unit as RunTimeUnit })}
            data-testid="field-max-run-unit"
          />
        </Group>
        <Checkbox
          mt={{ sm: 28 }}
          label={t('settings.timeoutNotification')}
          description={t('import.timeoutHint')}
          checked={rules.timeoutNotification && values.timeoutNotification}
          disabled={!rules.timeoutNotification}
          onChange={(e) => onChange({ timeoutNotification: e.currentTarget.checked })}
          error={errors['batch.timeoutNotification']}
          data-testid="field-timeout-notification"
        />
        <SerialPatternInput
          value={values.pattern}
          disabled={!rules.pattern}
          error={errors['batch.pattern']}
          onChange={(pattern) => onChange({ pattern })}
        />
        <Select
          label={t('import.timeZone')}
          description={t('import.timeZoneHint')}
          data={timeZones}
          searchable
          value={values.timeZone}
          disabled={!rules.timeZone}
          onChange={(timeZone) => onChange({ timeZone })}
          error={errors['batch.timeZone']}
          data-testid="field-time-zone"
        />
        <TextInput
          label={t('settings.end')}
          type="datetime-local"
          description={t('import.endHint', { zone: LOCAL_TIME })}
          value={values.end}
          disabled={!rules.end}
          onChange={(e) => onChange({ end: e.currentTarget.value })}
          error={errors['batch.end']}
          data-testid="field-end"
        />
        <Checkbox
          mt={{ sm: 28 }}
          label={t('settings.seriesCanceled')}
          description={t('import.seriesCanceledHint')}
          checked={rules.seriesCanceledNotification && values.seriesCanceledNotification}
          disabled={!rules.seriesCanceledNotification}
          onChange={(e) => onChange({ seriesCanceledNotification: e.currentTarget.checked })}
          error={errors['batch.seriesCanceledNotification']}
          data-testid="field-series-canceled"
        />
      </SimpleGrid>
    </Fieldset>
  );
}
