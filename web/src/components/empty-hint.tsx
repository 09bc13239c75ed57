/** What a list shows when it is empty: what is missing and how to get some. */
import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyHintProps {
  title: string;
  hint?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

export function EmptyHint({ title, hint, icon, action }: EmptyHintProps) {
  return (
    <EmptyState
      size="sm"
      py="xl"
      withIndicatorBackground
      icon={icon ?? <IconInbox size={22} stroke={1.5} />}
      title={title}
      description={hint}
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
