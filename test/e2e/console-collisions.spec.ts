import type { TicketEvent } from '@shared';
import { apiLogin, expect, openTicketOfTechnician, pullAll, test } from './fixtures/desk-test.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

// Two browsers on one loaded machine: give the flows room.
test.describe.configure({ timeout: 240_000 });

test('two agents on one ticket see each other, viewing then editing, and nobody once they leave', async ({ server, signIn }) => {
  const ticket = await openTicketOfTechnician(server.url);
  const avery = await signIn('agent@example.org');
  const liam = await signIn('liam.wilson@example.org');
  const averyView = new TicketPage(avery.page);
  const liamView = new TicketPage(liam.page);
  await averyView.open(ticket.number);
  await liamView.open(ticket.number);

  const averySees = avery.page.getByTestId('presence-text');
  const liamSees = liam.page.getByTestId('presence-text');
  await expect(averySees).toHaveText('Liam Wilson is viewing');
  await expect(liamSees).toHaveText('Avery Martin is viewing');

  // Typing a comment is editing, as are unsaved field changes.
  await liam.page.getByTestId('comment-body').fill('Checking with the vendor');
  await expect(averySees).toHaveText('Liam Wilson is editing');
  await expect(avery.page.locator('[data-testid="presence-person"][data-state="editing"]')).toHaveCount(1);

  // Liam goes back to the queue: Avery is alone again at once (no need to wait for the 30 s expiry).
  await liam.page.getByTestId('nav-tickets').click();
  await expect(avery.page.getByTestId('presence')).toHaveCount(0);

  // Offline, presence goes quiet rather than showing stale people.
  await liamView.open(ticket.number);
  await expect(averySees).toHaveText('Liam Wilson is editing');
  await avery.context.setOffline(true);
  await new SyncStatus(avery.page).expectOffline();
  await expect(avery.page.getByTestId('presence')).toHaveCount(0);
  await avery.context.setOffline(false);
  await expect(averySees).toHaveText('Liam Wilson is editing');
});

test('a comment draft survives a concurrent update and a reload, and is then sent', async ({ server, signIn }) => {
  const ticket = await openTicketOfTechnician(server.url);
  const avery = await signIn('agent@example.org');
  const liam = await signIn('liam.wilson@example.org');
  const averyView = new TicketPage(avery.page);
  const liamView = new TicketPage(liam.page);
  await averyView.open(ticket.number);
  await liamView.open(ticket.number);

  const draft = 'Called the user: the fault comes back after every reboot';
  await avery.page.getByTestId('comment-body').fill(draft);
  await expect(avery.page.getByTestId('comment-draft-kept')).not.toBeEmpty();

  // Liam changes the ticket and adds a worklog entry meanwhile.
  const newTitle = `${ticket.title} (seen again on floor 3)`;
  await liamView.setText('field-title', newTitle);
  await liamView.save();
  await liamView.addWorklog('Replaced the cable', 15);

  // Avery receives both; the draft is untouched.
  await expect(avery.page.getByRole('heading', { name: newTitle })).toBeVisible();
  await expect(averyView.timeline('worklog').filter({ hasText: 'Replaced the cable' })).toHaveCount(1);
  await expect(avery.page.getByTestId('comment-body')).toHaveValue(draft);

  // It is kept on the device: a reload brings it back.
  await avery.page.reload();
  await expect(avery.page.getByTestId('ticket-detail')).toBeVisible({ timeout: 60_000 });
  await expect(avery.page.getByTestId('comment-body')).toHaveValue(draft);

  await avery.page.getByTestId('comment-add').click();
  await expect(averyView.timeline('comment').filter({ hasText: draft })).toHaveCount(1);
  await expect(avery.page.getByTestId('comment-body')).toHaveValue('');
  await new SyncStatus(avery.page).expectSettled();
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const events = await pullAll<TicketEvent>(server.url, accessToken, 'ticket_events');
  expect(events.filter((e) => e.ticketId === ticket.id && e.kind === 'comment' && e.body === draft)).toHaveLength(1);
  // Sent drafts are gone from the device too.
  await avery.page.reload();
  await expect(avery.page.getByTestId('ticket-detail')).toBeVisible({ timeout: 60_000 });
  await expect(avery.page.getByTestId('comment-body')).toHaveValue('');
});
