import { expect, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { TicketPage } from './page-models/ticket-page.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

test('what was recorded at creation stays on the ticket page, re-categorising routes it, escalation keeps status and assignee consistent', async ({
  signIn,
}) => {
  const { page } = await signIn('agent@example.org');
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({
    caller: 'Noah Campbell',
    category: /Password reset/,
    title: 'Printer and badge',
    description: 'Both fail',
  });
  await create.choose('create-channel', 'Walk-in');
  await page.getByTestId('create-affected-item').fill(HOSTILE);
  await create.submit();

  const view = new TicketPage(page);
  await expect(view.field('field-caller')).toHaveValue(/Noah Campbell/);
  await expect(view.field('field-channel')).toHaveValue('Walk-in');
  await expect(view.field('field-category')).toHaveValue(/Password reset/);
  // Hostile text is a value, shown as typed: no element is made of it and no script runs.
  await expect(view.field('field-affected-item')).toHaveValue(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(view.field('field-group')).toHaveValue('Service Desk');

  // Re-categorising routes the ticket the way creation does: the category names the network group.
  await view.field('field-category').click();
  await view.field('field-category').fill('Wi-Fi');
  await page.getByRole('option', { name: /Wi-Fi/ }).first().click();
  await view.setText('field-affected-item', 'Badge reader, 2nd floor');
  await view.save();
  await expect(view.field('field-group')).toHaveValue('Network Operations');
  await expect(view.field('field-category')).toHaveValue(/Wi-Fi/);
  await expect(view.field('field-affected-item')).toHaveValue('Badge reader, 2nd floor');
  await expect(view.field('field-status')).toHaveValue('New');

  // The history is the record: the creation and each change, with names and the old value (hostile text as text).
  await expect(view.timeline('created')).toHaveCount(1);
  await expect(view.timeline('field_change').filter({ hasText: 'Category: Password reset → Wi-Fi' })).toHaveCount(1);
  const affected = view.timeline('field_change').filter({ hasText: 'Affected item:' });
  await expect(affected).toContainText(`${HOSTILE} → Badge reader, 2nd floor`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Taking it makes it Assigned; escalating it takes it from its assignee and back to New in the new group's queue.
  await page.getByTestId('action-assign-me').click();
  await expect(view.field('field-status')).toHaveValue('Assigned');
  await view.choose('field-status', 'In progress');
  await view.save();
  await expect(view.field('field-status')).toHaveValue('In progress');
  await page.getByTestId('action-escalate').click();
  await create.choose('escalate-group', 'Business Applications');
  await page.getByTestId('escalate-reason').fill('Needs the badge application team');
  await page.getByTestId('escalate-submit').click();
  await expect(view.timeline('escalation').filter({ hasText: 'Needs the badge application team' })).toHaveCount(1);
  await expect(view.field('field-group')).toHaveValue('Business Applications');
  await expect(view.field('field-assignee')).toHaveValue('Unassigned');
  await expect(view.field('field-status')).toHaveValue('New');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: test.info().outputPath('ticket-fields.png'), fullPage: true });
  expect(dialogs).toBe(0);
});
