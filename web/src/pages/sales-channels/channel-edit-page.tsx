/** /sales-channels/new and /sales-channels/:name: the channel form in a page, with Test connection. */
import { Alert, Anchor, Breadcrumbs, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  type AdapterInfo,
  createChannel,
  fetchChannel,
  listAdapters,
  updateChannel,
} from '../../api/channels.ts';
import { reviewPath } from '../../api/records.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useSession } from '../../session/session-context.ts';
import { ChannelForm } from './channel-form.tsx';
import {
  type ChannelFormValues,
  channelValues,
  emptyChannel,
  toInput,
  toUpdate,
} from './channel-form-values.ts';
import { TestConnection } from './test-connection-button.tsx';

async function load(name: string | undefined) {
  const [adapters, channel] = await Promise.all([
    listAdapters(),
    name ? fetchChannel(name) : Promise.resolve(null),
  ]);
  return { adapters, channel };
}

export function ChannelEditPage() {
  const t = useT();
  const { name } = useParams();
  const navigate = useNavigate();
  const { isAdmin } = useSession();
  const { data, error, reload } = useLoader(() => load(name), `channel:${name ?? ''}`);
  const [form, setForm] = useState<{ values: ChannelFormValues; adapter: AdapterInfo | null } | null>(null);
  const formChanged = useCallback(
    (values: ChannelFormValues, adapter: AdapterInfo | null) => setForm({ values, adapter }),
    [],
  );
  const creating = name === undefined;
  const title = creating ? t('channel.new') : t('channel.title', { name: name ?? '' });
  const crumbs = (
    <Breadcrumbs mb="xs" fz="sm">
      <Anchor component={Link} to="/sales-channels">
        {t('nav.salesChannels')}
      </Anchor>
      <Text size="sm">{creating ? t('channel.newCrumb') : name}</Text>
    </Breadcrumbs>
  );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;
  const channel = data.channel;
  const adapter = channel ? (data.adapters.find((a) => a.kind === channel.adapter) ?? null) : null;

  return (
    <Stack gap={0} maw={980}>
      {crumbs}
      <PageHeader
        title={title}
        description={
          channel ? (
            <>
              {`${t('channel.editDescription', {
                adapter: channel.adapterLabel,
                watermark: channel.watermark
                  ? formatDateTime(channel.watermark)
                  : t('channel.noneYetWatermark'),
              })} · `}
              <Anchor
                component={Link}
                to={reviewPath({ channel: channel.name })}
                size="sm"
                data-testid="channel-review"
              >
                {t('channel.reviewIts')}
              </Anchor>
            </>
          ) : (
            t('channel.newDescription')
          )
        }
      />
      {!isAdmin && (
        <Alert color="blue" mb="md">
          {t('channel.adminsOnly')}
        </Alert>
      )}
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Paper withBorder p="lg" radius="md" flex={1}>
          <ChannelForm
            key={channel?.id ?? 'new'}
            adapters={data.adapters}
            initial={channel ? channelValues(channel, adapter) : emptyChannel()}
            creating={creating}
            secretsSet={channel?.secretsSet ?? []}
            onCancel={() => navigate('/sales-channels')}
            onValuesChange={formChanged}
            onSave={async (values, chosen) => {
              const saved = channel
                ? await updateChannel(channel.name, toUpdate(values, chosen))
                : await createChannel(toInput(values, chosen));
              notifications.show({ color: 'green', message: t('channel.saved', { name: saved.name }) });
              if (creating || saved.name !== channel?.name)
                navigate(`/sales-channels/${encodeURIComponent(saved.name)}`);
              else reload();
            }}
          />
        </Paper>
        <Paper withBorder p="lg" radius="md" w={280}>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('channel.connection')}
            </Text>
            <Text size="xs" c="dimmed">
              {!isAdmin
                ? t('channel.testSaved')
                : creating
                  ? t('channel.testForm')
                  : t('channel.testFormEdit')}
            </Text>
            <TestConnection channel={channel?.name ?? null} form={isAdmin ? form : null} />
          </Stack>
        </Paper>
      </Group>
    </Stack>
  );
}
