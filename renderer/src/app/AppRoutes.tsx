import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { TicketQueuePage } from '../features/tickets/TicketQueuePage.js';
import { AppShellLayout } from './AppShellLayout.js';
import { CMDB_IMPORT_ROUTE, CMDB_NEW_ROUTE } from './routes.js';

/**
 * A page loaded when first opened, `name` being its module's export. Only the queue, where the console starts, is in
 * the start-up bundle: the other pages (and the reports' charting library) are fetched on first use, from the
 * app-shell cache when offline.
 */
function page<M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K): ReactNode {
  const Page = lazy(() => load().then((m): { default: ComponentType } => ({ default: m[name] })));
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
}

const feedback = page(() => import('../features/surveys/FeedbackPage.js'), 'FeedbackPage');
const createTicket = page(() => import('../features/create/CreateTicketPage.js'), 'CreateTicketPage');
const ticketDetail = page(() => import('../features/tickets/TicketDetailPage.js'), 'TicketDetailPage');
const kbList = page(() => import('../features/kb/KbListPage.js'), 'KbListPage');
const article = page(() => import('../features/kb/ArticlePage.js'), 'ArticlePage');
const conflicts = page(() => import('../features/conflicts/ConflictsPage.js'), 'ConflictsPage');
const reports = page(() => import('../features/reports/ReportsPage.js'), 'ReportsPage');
const slaAdmin = page(() => import('../features/sla-admin/SlaAdminPage.js'), 'SlaAdminPage');
const admin = page(() => import('../features/admin/AdminPage.js'), 'AdminPage');
const surveyDesign = page(() => import('../features/survey-design/SurveyDesignPage.js'), 'SurveyDesignPage');
const heldMail = page(() => import('../features/held-mail/HeldMailPage.js'), 'HeldMailPage');
const cmdbImport = page(() => import('../features/cmdb-import/CmdbImportPage.js'), 'CmdbImportPage');
const ciList = page(() => import('../features/cmdb/CiListPage.js'), 'CiListPage');
const ciPage = page(() => import('../features/cmdb/CiPage.js'), 'CiPage');
const newCi = page(() => import('../features/cmdb/NewCiPage.js'), 'NewCiPage');
const problems = page(() => import('../features/problems/ProblemsPage.js'), 'ProblemsPage');
const changes = page(() => import('../features/changes/ChangesPage.js'), 'ChangesPage');

export function AppRoutes() {
  return (
    <Routes>
      {/* Customer-facing, full screen: no navigation the customer could wander into. */}
      <Route path="/tickets/:id/feedback" element={feedback} />
      <Route element={<AppShellLayout />}>
        <Route path="/tickets" element={<TicketQueuePage />} />
        <Route path="/tickets/new" element={createTicket} />
        <Route path="/tickets/:id" element={ticketDetail} />
        <Route path="/kb" element={kbList} />
        <Route path="/kb/:id" element={article} />
        <Route path="/conflicts" element={conflicts} />
        <Route path="/reports" element={reports} />
        <Route path="/service-levels" element={slaAdmin} />
        <Route path="/held-mail" element={heldMail} />
        <Route path="/admin" element={admin} />
        <Route path="/surveys/design" element={surveyDesign} />
        <Route path={CMDB_IMPORT_ROUTE} element={cmdbImport} />
        <Route path="/cmdb" element={ciList} />
        <Route path={CMDB_NEW_ROUTE} element={newCi} />
        <Route path="/cmdb/:id" element={ciPage} />
        <Route path="/problems" element={problems} />
        <Route path="/changes" element={changes} />
        <Route path="*" element={<Navigate to="/tickets" replace />} />
      </Route>
    </Routes>
  );
}
