import { Navigate, Route, Routes } from 'react-router-dom';
import { ConflictsPage } from '../features/conflicts/ConflictsPage.js';
import { CreateTicketPage } from '../features/create/CreateTicketPage.js';
import { ArticlePage } from '../features/kb/ArticlePage.js';
import { KbListPage } from '../features/kb/KbListPage.js';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage.js';
import { TicketQueuePage } from '../features/tickets/TicketQueuePage.js';
import { AppShellLayout } from './AppShellLayout.js';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShellLayout />}>
        <Route path="/tickets" element={<TicketQueuePage />} />
        <Route path="/tickets/new" element={<CreateTicketPage />} />
        <Route path="/tickets/:id" element={<TicketDetailPage />} />
        <Route path="/kb" element={<KbListPage />} />
        <Route path="/kb/:id" element={<ArticlePage />} />
        <Route path="/conflicts" element={<ConflictsPage />} />
        <Route path="*" element={<Navigate to="/tickets" replace />} />
      </Route>
    </Routes>
  );
}
