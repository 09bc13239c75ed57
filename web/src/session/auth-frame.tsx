/** The centred card of the login and forced password pages, with the product name. */
import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingWarehouse } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface AuthFrameProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  /** Beside the product name (the language menu). */
  aside?: ReactNode;
}

export function AuthFrame({ title, subtitle, children, aside }: AuthFrameProps) {
  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Stack w={380} gap="lg">
        <Group gap="xs" justify="center">
          <ThemeIcon size="lg" radius="sm">
            <IconBuildingWarehouse size={20} />
          </ThemeIcon>
          <Text fw={700} fz="xl">
            Kontor
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
            <Title order={3}>{title}</Title>
            {aside}
          </Group>
          <Text c="dimmed" size="sm" mb="lg">
            {subtitle}
          </Text>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
