/**
 * `kontor demo` explains itself: a banner above every application with the demo's notice (GET /api/system
 * `demoNotice`): its shops break records on purpose. A "Demo" badge stays in the header once the banner is
 * closed (for this browser tab).
 */
import { Alert, Badge } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { fetchSystem } from '../api/system.ts';
import { useT } from '../i18n/i18n-context.ts';

const CLOSED_KEY = 'kontor.demo-banner-closed';

/** The demo's notice, or null when this server is no demo (or cannot say). */
export function useDemoNotice(): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchSystem().then(
      (system) => live && setNotice(system.demo ? system.demoNotice : null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return notice;
}

export function DemoBanner({ notice }: { notice: string }) {
  const t = useT();
  const [closed, setClosed] = useState(() => sessionStorage.getItem(CLOSED_KEY) === '1');
  if (closed) return null;
  return (
    <Alert
      color="violet"
      icon={<IconFlask size={18} />}
      title={t('shell.demoTitle')}
      withCloseButton
      onClose={() => {
        sessionStorage.setItem(CLOSED_KEY, '1');
        setClosed(true);
      }}
      mb="md"
      data-testid="demo-banner"
    >
      {notice}
    </Alert>
  );
}

export function DemoBadge({ notice }: { notice: string }) {
  const t = useT();
  return (
    <Badge color="violet" variant="light" title={notice} data-testid="demo-badge">
      {t('shell.demo')}
    </Badge>
  );
}
