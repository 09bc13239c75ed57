/** A failed request, said plainly (the API's message), with an optional retry. */
import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api/client.ts';
import { useT } from '../i18n/i18n-context.ts';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? t('common.somethingWrong')}
      mb="md"
      role="alert"
    >
      {errorMessage(error)}
      {onRetry && (
        <Button size="compact-xs" variant="subtle" color="red" ml="sm" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      )}
    </Alert>
  );
}
