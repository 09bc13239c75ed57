/** Test connection (POST /api/channels/:name/test): the channel's answer, success or refusal. */
import { Alert, Button, Stack } from '@mantine/core';
import { IconCircleCheck, IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { testChannel } from '../../api/channels.ts';
import { errorMessage } from '../../api/client.ts';

type Result = { ok: boolean; message: string };

export function TestConnection({ channel, disabledHint }: { channel: string | null; disabledHint?: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  async function test() {
    if (!channel) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await testChannel(channel));
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <Button
        variant="default"
        leftSection={<IconPlugConnected size={16} />}
        onClick={test}
        loading={busy}
        disabled={!channel}
        title={channel ? undefined : disabledHint}
        data-testid="test-connection"
      >
        Test connection
      </Button>
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          icon={result.ok ? <IconCircleCheck size={18} /> : <IconPlugConnectedX size={18} />}
          title={result.ok ? 'Connected' : 'Connection refused'}
          withCloseButton
          onClose={() => setResult(null)}
          data-testid="test-result"
          data-ok={result.ok}
        >
          {result.message}
        </Alert>
      )}
    </Stack>
  );
}
