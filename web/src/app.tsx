/** The routes: one per application, pages loaded on demand; everything behind the session. Home (/) first. */
import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { NotificationProvider } from './notifications/notification-provider.tsx';
import { SessionProvider } from './session/session-provider.tsx';
import { AppLayout } from './shell/app-layout.tsx';

const HomePage = lazy(() => import('./pages/home/home-page.tsx').then((m) => ({ default: m.HomePage })));
const ImportCustomersPage = lazy(() =>
  import('./pages/import-customers/import-customers-page.tsx').then((m) => ({
    default: m.ImportCustomersPage,
  })),
);
const BatchJobsPage = lazy(() =>
  import('./pages/batch-jobs/batch-jobs-page.tsx').then((m) => ({ default: m.BatchJobsPage })),
);
const SalesChannelsPage = lazy(() =>
  import('./pages/sales-channels/sales-channels-page.tsx').then((m) => ({ default: m.SalesChannelsPage })),
);
const ChannelEditPage = lazy(() =>
  import('./pages/sales-channels/channel-edit-page.tsx').then((m) => ({ default: m.ChannelEditPage })),
);
const PartnersPage = lazy(() =>
  import('./pages/partners/partners-page.tsx').then((m) => ({ default: m.PartnersPage })),
);
const SystemCockpitPage = lazy(() =>
  import('./pages/system-cockpit/system-cockpit-page.tsx').then((m) => ({ default: m.SystemCockpitPage })),
);
const WorkflowInboxPage = lazy(() =>
  import('./pages/workflow-inbox/workflow-inbox-page.tsx').then((m) => ({ default: m.WorkflowInboxPage })),
);
const RecordsPage = lazy(() =>
  import('./pages/records/records-page.tsx').then((m) => ({ default: m.RecordsPage })),
);
const UsersPage = lazy(() => import('./pages/users/users-page.tsx').then((m) => ({ default: m.UsersPage })));

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <NotificationProvider>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="import-customers" element={<ImportCustomersPage />} />
              <Route path="batch-jobs" element={<BatchJobsPage />} />
              <Route path="batch-jobs/:jobId" element={<BatchJobsPage />} />
              <Route path="sales-channels" element={<SalesChannelsPage />} />
              <Route path="sales-channels/new" element={<ChannelEditPage />} />
              <Route path="sales-channels/:name" element={<ChannelEditPage />} />
              <Route path="partners" element={<PartnersPage />} />
              <Route path="partners/:number" element={<PartnersPage />} />
              <Route path="system-cockpit" element={<SystemCockpitPage />} />
              <Route path="records" element={<RecordsPage />} />
              <Route path="inbox" element={<WorkflowInboxPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </NotificationProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
