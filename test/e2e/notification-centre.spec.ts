import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeEvent, makeTicket } from '../../server/src/test-support/fixtures.js';
import { apiLogin, expect, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';

test('a ticket assigned by someone else and a comment naming the technician land in their notification centre, read on opening, kept offline (issue 22)', async ({
  server,
  signIn,
}) => {
  test.setTimeout(60_000);
  const { user: tech } = await apiLogin(server.url, 'tech@example.org');
  const { accessToken: supervisor, user: supervisorUser } = await apiLogin(server.url, 'supervisor@example.org');

  const { context, page } = await signIn('tech@example.org');
  const sync = new SyncStatus(page);
  await sync.expectSettled();
  // What the first download brings is not news: only what arrives after it counts.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-initial-sync', 'false');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('data-unread', '0');

  const title = 'Label printer jammed <img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const api = new ApiClient(server.url);
  const ticket = await api.createTicketIn(
    supervisor,
    makeTicket({ groupId: tech.groupIds[0], assigneeId: tech.id, status: 'assigned', title }),
  );
  const number = String(ticket.number);

  await expect(bell).toHaveAttribute('data-unread', '1', { timeout: 30_000 });
  await expect(bell).toHaveAttribute('aria-label', 'Notifications: 1 unread');
  await bell.click();
  const entry = page
    .getByTestId('notification-centre')
    .getByTestId('notification-entry')
    .and(page.locator('[data-kind="assigned"]'));
  await expect(entry).toHaveAttribute('data-read', 'false');
  await expect(entry).toHaveAttribute('data-kind', 'assigned');
  await expect(entry.getByTestId('notification-number')).toHaveText(number);
  // The hostile title is text on the screen, not an element.
  await expect(entry).toContainText(title);
  await expect(entry.locator('img')).toHaveCount(0);
  expect(await seriousViolationsIn(page, '[data-testid="notification-centre"]'), 'notification centre').toEqual([]);

  // A comment naming the technician arrives too: a second entry, about the same ticket.
  await api.create(supervisor, 'ticket_events', [
    makeEvent(ticket.id, supervisorUser.id, { body: `@${tech.name} can you check the cable?`, occurredAt: Date.now() }),
  ]);
  await expect(bell).toHaveAttribute('data-unread', '2', { timeout: 30_000 });
  await expect(bell).toHaveAttribute('aria-label', 'Notifications: 2 unread');
  const mention = page.getByTestId('notification-centre').locator('[data-kind="mentioned"]');
  await expect(mention.getByTestId('notification-number')).toHaveText(number);

  // Opening the ticket reads everything about it.
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`#/tickets/${ticket.id}$`));
  await expect(bell).toHaveAttribute('data-unread', '0');
  await expect(bell).toHaveAttribute('aria-label', 'Notifications: 0 unread');

  // Kept on the device: offline, after a reload, the list is still there (read).
  await context.setOffline(true);
  await page.reload();
  await sync.expectOffline();
  await page.getByTestId('notification-bell').click();
  const kept = page.getByTestId('notification-centre').getByTestId('notification-entry');
  await expect(kept).toHaveCount(2);
  for (const one of await kept.all()) {
    await expect(one).toHaveAttribute('data-read', 'true');
    await expect(one).toContainText(title);
  }
  expect(dialogs).toBe(0);
});
