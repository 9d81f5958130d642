import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ConflictsPage } from '../features/conflicts/ConflictsPage.js';
import { CreateTicketPage } from '../features/create/CreateTicketPage.js';
import { ArticlePage } from '../features/kb/ArticlePage.js';
import { KbListPage } from '../features/kb/KbListPage.js';
import { FeedbackPage } from '../features/surveys/FeedbackPage.js';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage.js';
import { TicketQueuePage } from '../features/tickets/TicketQueuePage.js';
import { AppShellLayout } from './AppShellLayout.js';

// The reports (and their charting library) load only when a supervisor opens them.
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));

export function AppRoutes() {
  return (
    <Routes>
      {/* Customer-facing, full screen: no navigation the customer could wander into. */}
      <Route path="/tickets/:id/feedback" element={<FeedbackPage />} />
      <Route element={<AppShellLayout />}>
        <Route path="/tickets" element={<TicketQueuePage />} />
        <Route path="/tickets/new" element={<CreateTicketPage />} />
        <Route path="/tickets/:id" element={<TicketDetailPage />} />
        <Route path="/kb" element={<KbListPage />} />
        <Route path="/kb/:id" element={<ArticlePage />} />
        <Route path="/conflicts" element={<ConflictsPage />} />
        <Route
          path="/reports"
          element={
            <Suspense
              fallback={
                <Center py="xl">
                  <Loader />
                </Center>
              }
            >
              <ReportsPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/tickets" replace />} />
      </Route>
    </Routes>
  );
}
