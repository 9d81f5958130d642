import { expect, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { TicketPage } from './page-models/ticket-page.js';

test('create, auto-route, assign to me, escalate, pending, resolve: all in the timeline', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({
    caller: 'Noah Campbell',
    category: /Password reset/,
    title: 'Locked out after holidays',
    description: 'Password expired',
  });
  await create.submit();
  const view = new TicketPage(page);
  await expect(view.field('field-group')).toHaveValue('Service Desk');

  await page.getByTestId('action-assign-me').click();
  await expect(view.field('field-assignee')).toHaveValue('Avery Martin');
  await expect(view.timeline('assignment')).toHaveCount(1);

  await page.getByTestId('action-escalate').click();
  await create.choose('escalate-group', 'Business Applications');
  await page.getByTestId('escalate-reason').fill('Account sync broken in the HR application');
  await page.getByTestId('escalate-submit').click();
  await expect(view.timeline('escalation').filter({ hasText: 'Account sync broken' })).toHaveCount(1);
  await expect(view.field('field-group')).toHaveValue('Business Applications');
  await expect(page.getByTestId('badge-tier')).toBeVisible();
  // Escalation hands the ticket over unassigned, back to New in the new group's queue; someone there takes it.
  await expect(view.field('field-assignee')).toHaveValue('Unassigned');
  await expect(view.field('field-status')).toHaveValue('New');
  await page.getByTestId('action-assign-me').click();
  await expect(view.field('field-status')).toHaveValue('Assigned');

  await view.choose('field-status', 'Pending');
  await view.choose('field-pending-reason', /customer/i);
  await view.save();
  await expect(view.timeline('status_change').filter({ hasText: 'Pending' })).toHaveCount(1);

  await view.choose('field-status', 'Resolved');
  await view.choose('field-resolution-code', 'Fixed');
  await view.setText('field-resolution-notes', 'Resynchronised the account');
  await view.save();
  await expect(view.timeline('status_change').filter({ hasText: /Pending → Resolved/ })).toHaveCount(1);
});
