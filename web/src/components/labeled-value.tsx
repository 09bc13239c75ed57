/** A read-only "label: value" pair for details views. */
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface LabeledValueProps {
  label: string;
  children: ReactNode;
}

export function LabeledValue({ label, children }: LabeledValueProps) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children === null || children === undefined || children === '' ? '–' : children}
      </Text>
    </Stack>
  );
}
