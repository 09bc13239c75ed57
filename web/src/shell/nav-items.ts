/** The applications in the navigation, in the order a user meets them. */
import {
  IconBell,
  IconBuildingStore,
  IconClipboardCheck,
  IconFileImport,
  IconHome,
  IconListDetails,
  IconServerCog,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/translate.ts';

export interface NavItem {
  labelKey: MessageKey;
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  adminOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { labelKey: 'nav.home', path: '/', icon: IconHome },
  { labelKey: 'nav.importCustomers', path: '/import-customers', icon: IconFileImport },
  { labelKey: 'nav.batchJobs', path: '/batch-jobs', icon: IconListDetails },
  { labelKey: 'nav.salesChannels', path: '/sales-channels', icon: IconBuildingStore },
  { labelKey: 'nav.partners', path: '/partners', icon: IconUsersGroup },
  { labelKey: 'nav.records', path: '/records', icon: IconClipboardCheck },
  { labelKey: 'nav.systemCockpit', path: '/system-cockpit', icon: IconServerCog },
  { labelKey: 'nav.inbox', path: '/inbox', icon: IconBell },
  { labelKey: 'nav.users', path: '/users', icon: IconUsers, adminOnly: true },
];
