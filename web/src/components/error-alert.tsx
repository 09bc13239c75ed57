/** A failed request, said plainly (the API's message), with an optional retry. */
import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api/client.ts';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ error, title = 'Something went wrong', onRetry }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} mb="md" role="alert">
      {errorMessage(error)}
      {onRetry && (
        <Button size="compact-xs" variant="subtle" color="red" ml="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
