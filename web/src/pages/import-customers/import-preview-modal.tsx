/**
 * [Preview] of the Import customers dialog: what the import would do with these settings, nothing written.
 * The counts (of the records read so far), and per record its action, the fields an update would change and
 * the codes of warnings and errors, in a paged table. [Read more] reads on, [Cancel] stops the read.
 */
import { Alert, Badge, Button, Group, Loader, Modal, Pagination, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { ImportSettings } from '../../api/jobs.ts';
import { ACTION_COLORS, ACTION_KEYS, type PreviewRecord } from '../../api/preview.ts';
import { DataTable } from '../../components/data-table.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { useImportPreview } from './use-import-preview.ts';

const ROWS_PER_PAGE = 25;

interface ImportPreviewModalProps {
  application: ImportSettings;
  onClose: () => void;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Changes({ record }: { record: PreviewRecord }) {
  if (!record.changes || record.changes.length === 0) return null;
  return (
    <Stack gap={2}>
      {record.changes.map((change) => (
        <Text key={change.field} size="xs" className="kontor-wrap">
          <b>{change.field}</b>: {show(change.from)} → {show(change.to)}
        </Text>
      ))}
    </Stack>
  );
}

export function ImportPreviewModal({ application, onClose }: ImportPreviewModalProps) {
  const t = useT();
  // The settings are fixed for this preview (a new [Preview] opens a new one).
  const [settings] = useState(application);
  const preview = useImportPreview(settings);
  const [page, setPage] = useState(1);
  const { counts, records } = preview;
  const pages = Math.max(1, Math.ceil(records.length / ROWS_PER_PAGE));
  const shown = records.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);

  return (
    <Modal opened onClose={onClose} title={t('preview.title', { channel: settings.channel })} size="xl">
      <Stack gap="sm" data-testid="import-preview">
        <Text size="sm" c="dimmed">
          {t('preview.hint')}
        </Text>
        {counts && (
          <Group gap="xs" data-testid="preview-counts">
            <Badge variant="light" color="gray" data-count="read">
              {t('preview.countRead', { n: counts.read })}
            </Badge>
            <Badge variant="light" color="green" data-count="create">
              {t('preview.countCreate', { n: counts.create })}
            </Badge>
            <Badge variant="light" color="blue" data-count="update">
              {t('preview.countUpdate', { n: counts.update })}
            </Badge>
            <Badge variant="light" color="gray" data-count="unchanged">
              {t('preview.countUnchanged', { n: counts.unchanged })}
            </Badge>
            <Badge variant="light" color="orange" data-count="awaiting">
              {t('preview.countAwaiting', { n: counts.awaiting })}
            </Badge>
            <Badge variant="light" color="red" data-count="errors">
              {t('preview.countErrors', { n: counts.errors })}
            </Badge>
            {counts.skipped > 0 && (
              <Badge variant="light" color="gray" data-count="skipped">
                {t('preview.countSkipped', { n: counts.skipped })}
              </Badge>
            )}
            {!preview.done && (
              <Text size="xs" c="dimmed">
                {t('preview.soFar')}
              </Text>
            )}
          </Group>
        )}
        {preview.error ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="preview-error">
            {errorMessage(preview.error)}
          </Alert>
        ) : null}
        {preview.cancelled && (
          <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="preview-cancelled">
            {t('preview.cancelled')}
          </Alert>
        )}
        {preview.emailsNotFound.length > 0 && (
          <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="preview-emails-not-found">
            {t('preview.emailsNotFound', { emails: preview.emailsNotFound.join(', ') })}
          </Alert>
        )}
        <DataTable
          minWidth={640}
          testId="preview-table"
          head={[t('log.externalId'), t('import.action'), t('preview.changes'), t('preview.codes')]}
          empty={
            preview.loading
              ? t('preview.reading')
              : preview.cancelled || preview.error
                ? t('preview.noneRead')
                : t('preview.noneSelected')
          }
          rows={shown.map((record, index) => (
            <Table.Tr
              // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; an id may be null or read twice
              key={`${record.externalId}:${(page - 1) * ROWS_PER_PAGE + index}`}
              data-external-id={record.externalId ?? ''}
              data-action={record.action}
            >
              <Table.Td>{record.externalId ?? '—'}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={ACTION_COLORS[record.action]}>
                  {t(ACTION_KEYS[record.action])}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Changes record={record} />
              </Table.Td>
              <Table.Td>{(record.codes ?? []).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        />
        <Group justify="space-between">
          <Pagination size="sm" total={pages} value={page} onChange={setPage} data-testid="preview-pages" />
          <Group gap="sm">
            {preview.loading && <Loader size="sm" data-testid="preview-loading" />}
            {preview.loading ? (
              <Button variant="default" color="red" onClick={preview.cancel} data-testid="preview-cancel">
                {t('common.cancel')}
              </Button>
            ) : (
              !preview.done &&
              !preview.cancelled &&
              !preview.error && (
                <Button variant="default" onClick={preview.readMore} data-testid="preview-more">
                  {t('preview.readMore')}
                </Button>
              )
            )}
            <Button onClick={onClose} data-testid="preview-close">
              {t('common.close')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
