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

export interface NavItem {
  label: string;
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  adminOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', path: '/', icon: IconHome },
  { label: 'Import customers', path: '/import-customers', icon: IconFileImport },
  { label: 'Batch jobs', path: '/batch-jobs', icon: IconListDetails },
  { label: 'Sales channels', path: '/sales-channels', icon: IconBuildingStore },
  { label: 'Sales channel partners', path: '/partners', icon: IconUsersGroup },
  { label: 'Review records', path: '/records', icon: IconClipboardCheck },
  { label: 'System cockpit', path: '/system-cockpit', icon: IconServerCog },
  { label: 'Workflow inbox', path: '/inbox', icon: IconBell },
  { label: 'Users', path: '/users', icon: IconUsers, adminOnly: true },
];
