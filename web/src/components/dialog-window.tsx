/** A batch application's dialog window: a framed panel with a title bar, as the ERP shows them. */
import { Box, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface DialogWindowProps {
  title: string;
  subtitle?: string;
  icon: ReactNode;
  children: ReactNode;
  width?: number;
  testId?: string;
}

export function DialogWindow({ title, subtitle, icon, children, width = 880, testId }: DialogWindowProps) {
  return (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      maw={width}
      mx="auto"
      style={{ overflow: 'hidden' }}
      role="dialog"
      aria-label={title}
      data-testid={testId}
    >
      <Group
        gap="sm"
        px="lg"
        py="sm"
        bg="blue.7"
        c="white"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-blue-8)' }}
      >
        <ThemeIcon variant="white" color="blue" size="md" radius="sm">
          {icon}
        </ThemeIcon>
        <div>
          <Text fw={600} lh={1.25}>
            {title}
          </Text>
          {subtitle && (
            <Text size="xs" c="blue.1" lh={1.25}>
              {subtitle}
            </Text>
          )}
        </div>
      </Group>
      <Box p="lg" bg="white">
        {children}
      </Box>
    </Paper>
  );
}
