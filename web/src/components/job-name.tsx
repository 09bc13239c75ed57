/**
 * A batch job's name on one line: a long name (up to 80 characters) is cut with an ellipsis at `maw`, and the
 * whole name shows on hover (title) and to screen readers.
 */
import { Text, type TextProps } from '@mantine/core';

interface JobNameProps extends TextProps {
  name: string;
  testId?: string;
}

export function JobName({ name, testId, maw = 260, ...text }: JobNameProps) {
  return (
    <Text size="sm" truncate="end" maw={maw} title={name} data-testid={testId} {...text}>
      {name}
    </Text>
  );
}
