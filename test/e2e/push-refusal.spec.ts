import { queueKeyFor } from '@shared';
import type { DirectoryEntry, Ticket } from '@shared';
import { apiLogin, expect, openTicketOfTechnician, pullAll, test } from './fixtures/desk-test.js';
import { ConflictsPage } from './page-models/conflicts-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

type Stored<T> = T & { _deleted: boolean };

test("a change the server refuses for good shows its reason in the conflict view, and Discard keeps the server's version", async ({
  server,
  signIn,
}) => {
  const ticket = await openTicketOfTechnician(server.url);
  const tech = await signIn('tech@example.org');
  const techView = new TicketPage(tech.page);
  const techSync = new SyncStatus(tech.page);
  await techView.open(ticket.number);
  await tech.context.setOffline(true);
  await techSync.expectOffline();
  await techView.setText('field-title', 'Title written offline by the technician');
  await techView.save();

  // Meanwhile the ticket moves to a group the technician is not in, with someone else on it: their edit can never pass.
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const current = (await pullAll<Stored<Ticket>>(server.url, admin, 'tickets')).find((t) => t.id === ticket.id)!;
  const directory = await pullAll<Stored<DirectoryEntry>>(server.url, admin, 'directory');
  const other = directory.find(
    (e) =>
      e.kind === 'user' &&
      e.role === 'technician' &&
      !e._deleted &&
      !e.groupIds.includes(ticket.groupId) &&
      e.groupIds.length > 0,
  );
  if (!other) throw new Error('The demo data has no technician outside the ticket’s group');
  const updatedAt = current.updatedAt + 1;
  const moved = { ...current, groupId: other.groupIds[0], assigneeId: other.id, updatedAt, queueKey: queueKeyFor(updatedAt) };
  const res = await fetch(`${server.url}/api/sync/tickets/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify([{ assumedMasterState: current, newDocumentState: moved }]),
  });
  expect(res.status, await res.clone().text()).toBe(200);

  await tech.context.setOffline(false);
  await techSync.expectSettled();
  // The ticket left the technician's scope: their device no longer holds it (issue 15 item 9), only the refused change.
  await tech.page.getByTestId('nav-tickets').click();
  await expect(tech.page.getByTestId('ticket-row').first()).toBeVisible();
  await tech.page.getByTestId('queue-search').fill(ticket.number);
  await expect(tech.page.locator(`[data-testid="ticket-row"][data-number="${ticket.number}"]`)).toHaveCount(0);
  const conflicts = new ConflictsPage(tech.page);
  await conflicts.open();
  const refusal = conflicts.refusal(ticket.id);
  // The reason, translated from the server's code, and the change that was refused; no "keep mine" that cannot pass.
  await expect(refusal).toHaveAttribute('data-refusal-code', 'forbidden');
  await expect(refusal.getByTestId('refusal-reason')).toContainText('You are not allowed to make this change');
  await expect(refusal).toContainText('Title written offline by the technician');
  await expect(refusal.getByTestId('conflict-keep-local')).toHaveCount(0);

  await conflicts.discard(ticket.id);
  await expect(conflicts.refusal(ticket.id)).toHaveCount(0);
  await expect(tech.page.getByTestId('conflicts-empty')).toBeVisible();
  await techSync.expectSettled();
  const stored = (await pullAll<Ticket>(server.url, admin, 'tickets')).find((t) => t.id === ticket.id)!;
  expect(stored).toMatchObject({ title: ticket.title, groupId: moved.groupId, assigneeId: other.id });
});
