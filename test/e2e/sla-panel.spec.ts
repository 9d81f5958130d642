import { expect, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

// One server for this file (worker fixture): a fresh P1 incident under the seeded Gold policy (24x7, 15 min first
// response, 4 h resolution, 1 h update interval).

test('a P1 incident counts down on its SLA panel, pauses while pending for the customer, and keeps counting offline; the queue shows it too', async ({
  signIn,
}) => {
  const { page, context } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.choose('create-impact', /high/i);
  await create.choose('create-urgency', /high/i);
  await create.fill({
    caller: 'Liam Wilson',
    category: /VPN/,
    title: 'VPN down for the whole floor',
    description: 'Nobody can connect since this morning',
  });
  const id = await create.submit();

  const panel = page.getByTestId('sla-panel');
  const clock = (kind: string) => panel.locator(`[data-testid="sla-clock"][data-kind="${kind}"]`);
  // The policy and the condition that chose it, from the replicated settings.
  await expect(panel.getByTestId('sla-policy')).toHaveText(/^Gold/);
  await expect(panel.getByTestId('sla-condition')).toContainText('priority is 1 – Critical');

  // The first response counts down, second by second (under an hour left), with its due time.
  const response = clock('first_response');
  await expect(response).toHaveAttribute('data-state', 'running');
  const responseLeft = response.getByTestId('sla-remaining');
  await expect(responseLeft).toHaveText(/^1[45] min \d\d s$/);
  const shownFirst = (await responseLeft.textContent()) ?? '';
  await expect(responseLeft).not.toHaveText(shownFirst);
  await expect(response.getByTestId('sla-due')).toBeVisible();
  await expect(clock('resolution')).toHaveAttribute('data-state', 'running');
  await expect(clock('resolution').getByTestId('sla-remaining')).toHaveText(/^(3 h 5\d|4 h 00) min$/);

  // Pending for the customer: the resolution clock pauses and its timeline shows the pause, its reason and its cause.
  const view = new TicketPage(page);
  await page.getByTestId('action-assign-me').click();
  await view.choose('field-status', 'Pending');
  await view.choose('field-pending-reason', /customer/i);
  await view.save();
  const resolution = clock('resolution');
  await expect(resolution).toHaveAttribute('data-state', 'paused');
  await expect(resolution.getByTestId('sla-state')).toHaveText('Paused');
  const pause = resolution.locator('[data-testid="sla-segment"][data-kind="paused"]');
  await expect(pause).toHaveCount(1);
  await expect(pause).toContainText('Waiting for the customer');
  await expect(pause.getByTestId('sla-segment-cause')).toContainText('→ Pending, by');
  // Setting it pending is the desk's first response: that clock stopped in time.
  await expect(response).toHaveAttribute('data-state', 'met');
  await new SyncStatus(page).expectSettled();

  // Offline, even after a reload: the panel is computed on the device and the clocks go on.
  const sync = new SyncStatus(page);
  await context.setOffline(true);
  await sync.expectOffline();
  await page.reload();
  await sync.expectOffline();
  await expect(page.getByTestId('ticket-detail')).toBeVisible();
  await expect(resolution).toHaveAttribute('data-state', 'paused');
  await expect(pause).toHaveCount(1);

  await view.choose('field-status', 'In progress');
  await view.save();
  await expect(resolution).toHaveAttribute('data-state', 'running');
  // The pause stays in the history, followed by the running stretch the resume started.
  await expect(resolution.locator('[data-testid="sla-segment"]').last()).toHaveAttribute('data-kind', 'counted');
  await expect(pause).toHaveCount(1);
  const updateLeft = clock('update').getByTestId('sla-remaining');
  await expect(updateLeft).toHaveText(/^\d+ min \d\d s$/);
  const shownOffline = (await updateLeft.textContent()) ?? '';
  await expect(updateLeft).not.toHaveText(shownOffline);
  expect(await sync.pending()).toBeGreaterThan(0);

  // The queue's SLA column shows the same ticket's most urgent clock (the update interval, under an hour left).
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-search').fill('VPN down for the whole floor');
  const cell = page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`).getByTestId('queue-sla');
  await expect(cell).toHaveAttribute('data-state', 'running');
  await expect(cell).toHaveText(/^\d+ min$/);
});
