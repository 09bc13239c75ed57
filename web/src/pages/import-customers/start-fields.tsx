/**
 * Start and its schedule: Begin and Maximum run time (once only, series), Timeout notification (where
 * Maximum run time applies), Serial pattern, time zone, End and Series canceled (series). Fields a start
 * mode does not use stay visible but disabled.
 */
import { Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { START_MODE_LABELS, type StartMode } from '../../api/jobs.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import type { FieldErrors } from './import-fields.ts';
import { type ImportFormValues, type RunTimeUnit, withStartMode } from './import-form-values.ts';
import { SerialPatternInput } from './serial-pattern-input.tsx';
import type { ImportReferenceData } from './use-import-reference-data.ts';

/** Begin and End are entered in the browser's time zone (the serial pattern uses the job's). */
const LOCAL_TIME = `Your time (${Intl.DateTimeFormat().resolvedOptions().timeZone})`;

interface StartFieldsProps {
  values: ImportFormValues;
  rules: ImportFieldRules;
  errors: FieldErrors;
  data: ImportReferenceData;
  onChange: (patch: Partial<ImportFormValues>) => void;
}

const START_OPTIONS = (Object.keys(START_MODE_LABELS) as StartMode[]).map((value) => ({
  value,
  label: START_MODE_LABELS[value],
}));

const UNIT_OPTIONS: { value: RunTimeUnit; label: string }[] = [
  { value: 'seconds', label: 'seconds' },
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
];

export function StartFields({ values, rules, errors, data, onChange }: StartFieldsProps) {
  const timeZones = data.system.timeZones.length > 0 ? data.system.timeZones : [data.system.timeZone];
  return (
    <Fieldset legend="Start">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Select
          label="Start"
          data={START_OPTIONS}
          value={values.startMode}
          onChange={(mode) => mode && onChange(withStartMode(values, mode as StartMode))}
          error={errors['batch.startMode']}
          data-testid="field-start-mode"
        />
        <TextInput
          label="Begin"
          type="datetime-local"
          description={values.startMode === 'series' ? `${LOCAL_TIME}; empty: now.` : `${LOCAL_TIME}.`}
          value={values.begin}
          disabled={!rules.begin}
          withAsterisk={values.startMode === 'once'}
          onChange={(e) => onChange({ begin: e.currentTarget.value })}
          error={errors['batch.begin']}
          data-testid="field-begin"
        />
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <NumberInput
            label="Maximum run time"
            placeholder="No limit"
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
            label="Unit"
            aria-label="Maximum run time unit"
            w={110}
            data={UNIT_OPTIONS}
            value={values.maxRunUnit}
            disabled={!rules.maxRunTime}
            onChange={(unit) => unit && onChange({ maxRunUnit: unit as RunTimeUnit })}
            data-testid="field-max-run-unit"
          />
        </Group>
        <Checkbox
          mt={{ sm: 28 }}
          label="Timeout notification"
          description="Notify when the maximum run time stops a run."
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
          label="Time zone"
          description="The serial pattern's time zone."
          data={timeZones}
          searchable
          value={values.timeZone}
          disabled={!rules.timeZone}
          onChange={(timeZone) => onChange({ timeZone })}
          error={errors['batch.timeZone']}
          data-testid="field-time-zone"
        />
        <TextInput
          label="End"
          type="datetime-local"
          description={`${LOCAL_TIME}; no runs after this; empty: no end.`}
          value={values.end}
          disabled={!rules.end}
          onChange={(e) => onChange({ end: e.currentTarget.value })}
          error={errors['batch.end']}
          data-testid="field-end"
        />
        <Checkbox
          mt={{ sm: 28 }}
          label="Series canceled"
          description="Notify when the series ends abnormally."
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
