/**
 * Test connection: the channel's answer, success or refusal. Administrators test the values in the form, saved
 * or not (POST /api/channels/test for a new channel, POST /api/channels/:name/test with the form's values for
 * an edit: secrets left empty are the stored ones); users test the saved channel.
 */
import { Alert, Button, Stack } from '@mantine/core';
import { IconCircleCheck, IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { type AdapterInfo, testChannel, testUnsavedChannel } from '../../api/channels.ts';
import { errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { translate } from '../../i18n/translate.ts';
import { type ChannelFormValues, toUpdate } from './channel-form-values.ts';

type Result = { ok: boolean; message: string };

interface TestConnectionProps {
  /** The saved channel's name; null for a new channel. */
  channel: string | null;
  /** The form's values and adapter (administrators); null: test the saved channel. */
  form: { values: ChannelFormValues; adapter: AdapterInfo | null } | null;
}

function runTest(channel: string | null, form: TestConnectionProps['form']): Promise<Result> {
  const noAdapter = () => Promise.reject(new Error(translate('channel.selectAdapterTest')));
  if (!form) return channel ? testChannel(channel) : noAdapter();
  const { values, adapter } = form;
  if (!adapter) return noAdapter();
  if (values.url.trim() === '') return Promise.reject(new Error(translate('channel.enterUrlFirst')));
  const { url, settings, clearSecrets } = toUpdate(values, adapter);
  if (!channel) return testUnsavedChannel({ adapter: adapter.kind, url, settings });
  return testChannel(channel, { url, settings, ...(clearSecrets ? { clearSecrets } : {}) });
}

export function TestConnection({ channel, form }: TestConnectionProps) {
  const t = useT();
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  async function test() {
    setBusy(true);
    setResult(null);
    try {
      setResult(await runTest(channel, form));
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
        disabled={!form && !channel}
        data-testid="test-connection"
      >
        {t('channel.testConnection')}
      </Button>
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          icon={result.ok ? <IconCircleCheck size={18} /> : <IconPlugConnectedX size={18} />}
          title={result.ok ? t('channel.connected') : t('channel.testFailed')}
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
