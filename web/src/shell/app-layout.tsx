/** The frame around every application: header (product, OLTP database, bell, user), navbar, the page. */
import { AppShell, Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingWarehouse } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { PageLoader } from '../components/page-loader.tsx';
import { useT } from '../i18n/i18n-context.ts';
import { DemoBadge, DemoBanner, useDemoNotice } from './demo-banner.tsx';
import { InboxIndicator } from './inbox-indicator.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { MainNav } from './main-nav.tsx';
import { OltpMenu } from './oltp-menu.tsx';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const demoNotice = useDemoNotice();
  const t = useT();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.navigation')}
            />
            <Group
              gap={8}
              renderRoot={(props) => <Link to="/" {...props} />}
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              <ThemeIcon size="md" radius="sm">
                <IconBuildingWarehouse size={18} />
              </ThemeIcon>
              <Text fw={700} fz="lg">
                Kontor
              </Text>
            </Group>
            {demoNotice && <DemoBadge notice={demoNotice} />}
          </Group>
          <Group gap="md">
            <OltpMenu />
            <InboxIndicator />
            <LanguageMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {demoNotice && <DemoBanner notice={demoNotice} />}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
