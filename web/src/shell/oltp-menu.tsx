/**
 * The OLTP database the session works on, in the header; its menu switches to another one (PUT
 * /api/session/oltp), then the page loads again so that everything shows the other one's data.
 */
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconDatabase } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { listOltpDatabases, type OltpDatabaseInfo, switchOltp } from '../api/oltp.ts';
import { fetchSystem } from '../api/system.ts';
import { useT } from '../i18n/i18n-context.ts';

export function OltpMenu() {
  const t = useT();
  const [current, setCurrent] = useState<string | null>(null);
  const [all, setAll] = useState<OltpDatabaseInfo[]>([]);
  useEffect(() => {
    let live = true;
    fetchSystem().then(
      (system) => live && setCurrent(system.oltpDatabase),
      () => undefined,
    );
    listOltpDatabases().then(
      (list) => live && setAll(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (current === null) return null;

  async function choose(name: string) {
    if (name === current) return;
    try {
      await switchOltp(name);
      window.location.reload();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  }

  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconDatabase size={14} />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('oltp.switchAria', { name: current })}
          data-testid="oltp-menu"
        >
          {current}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('oltp.label')}</Menu.Label>
        {all.map((oltp) => (
          <Menu.Item
            key={oltp.name}
            onClick={() => void choose(oltp.name)}
            rightSection={oltp.name === current ? <IconCheck size={14} /> : null}
          >
            {oltp.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
