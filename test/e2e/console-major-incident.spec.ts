import type { Ticket, TicketEvent } from '@shared';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

test('major incident: manager, stakeholder update, two children, resolving the parent resolves them, review before closing', async ({
  server,
  signIn,
}) => {
  // A long walk through the whole major-incident flow with three accessibility scans.
  test.setTimeout(300_000);
  const now = Date.now();
  const desk = { groupId: 'grp-service-desk', status: 'in_progress' as const, assigneeId: 'usr-agent', updatedAt: now };
  const { accessToken } = await apiLogin(server.url, 'agent@example.org');
  // As a device gets them there (created new or assigned, then moved on), with the numbers the server gives them.
  const api = new ApiClient(server.url);
  const parent = await api.createTicketIn(accessToken, makeTicket({ ...desk, title: 'Email service down for everyone' }));
  const children = [
    await api.createTicketIn(accessToken, makeTicket({ ...desk, status: 'assigned', title: 'Cannot send mail (finance)' })),
    await api.createTicketIn(
      accessToken,
      makeTicket({ ...desk, status: 'new', assigneeId: '', title: 'Outlook disconnected (HR)' }),
    ),
  ];

  const { page } = await signIn('agent@example.org');
  const view = new TicketPage(page);
  await view.open(parent.number);

  await page.getByTestId('action-major').click();
  await page.getByTestId('major-declare-reason').fill('Nobody can send or receive email.');
  await page.getByTestId('major-declare-submit').click();
  await expect(page.getByTestId('badge-major')).toBeVisible();
  const panel = page.getByTestId('major-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('major-manager')).toHaveValue('Avery Martin');
  await view.choose('major-manager', 'Sophie Gagnon');
  await expect(page.getByTestId('major-manager')).toHaveValue('Sophie Gagnon');
  // Stakeholder updates are the manager's (or a supervisor's) to send: the agent takes the incident back to post one.
  await expect(page.getByTestId('major-update-body')).toHaveCount(0);
  await view.choose('major-manager', 'Avery Martin');
  await expect(page.getByTestId('major-manager')).toHaveValue('Avery Martin');

  await page.getByTestId('action-watch').click();
  await expect(page.getByTestId('major-stakeholders')).toContainText('Avery Martin');
  // Watching is recorded as such in the history, not as an empty stakeholder update (issue 22).
  await expect(page.getByTestId('timeline-entry').first()).toContainText('Avery Martin started watching this ticket.');
  await expect(page.getByTestId('timeline-entry').first()).not.toContainText('Stakeholder update');
  await page.getByTestId('major-update-body').fill('Email is down; next update at 10:30.');
  await page.getByTestId('major-update-send').click();
  await expect(page.getByTestId('major-update')).toHaveCount(1);
  await expect(page.getByTestId('major-update').first()).toContainText('next update at 10:30');

  for (const [linked, child] of children.entries()) {
    await page.getByTestId('major-link-number').fill(child.number);
    await page.getByTestId('major-link').click();
    await expect(page.getByTestId('major-child')).toHaveCount(linked + 1);
  }
  await expect(page.getByTestId('major-child')).toHaveCount(2);
  await page.getByTestId('major-link-number').fill(children[0].number);
  await page.getByTestId('major-link').click();
  await expect(panel.getByText('This incident is already linked.')).toBeVisible();
  expect(await seriousViolationsIn(page, '[data-testid="major-panel"]'), 'major panel').toEqual([]);

  await page.getByTestId('major-resolve').click();
  const dialog = page.getByTestId('major-resolve-dialog');
  await expect(dialog.getByTestId('major-resolve-child')).toHaveCount(2);
  await view.choose('major-resolve-code', 'Fixed');
  await page.getByTestId('major-resolve-notes').fill('Mail relay certificate renewed');
  expect(await seriousViolationsIn(page, '[data-testid="major-resolve-dialog"]'), 'resolve dialog').toEqual([]);
  await page.getByTestId('major-resolve-submit').click();
  await expect(dialog).toBeHidden();
  await expect(view.field('field-status')).toHaveValue('Resolved');
  await expect(page.getByTestId('major-child-status')).toHaveText(['Resolved', 'Resolved']);

  // Closing needs the post-incident review: refused on this device first.
  await view.choose('field-status', 'Closed');
  await view.save();
  await expect(page.getByRole('alert').filter({ hasText: /post-incident review/ })).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();

  const form = page.getByTestId('major-review-form');
  await expect(form).toBeVisible();
  expect(await seriousViolationsIn(page, '[data-testid="major-review-form"]'), 'review form').toEqual([]);
  await page.getByTestId('major-review-summary').fill('Two hours without email.');
  await page.getByTestId('major-review-rootCause').fill('Expired relay certificate.');
  await page.getByTestId('major-review-wentWell').fill('Stakeholder updates every 30 minutes.');
  await page.getByTestId('major-review-save').click();
  await expect(page.getByTestId('major-review-actions')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('major-review-actions').fill('Monitor certificate expiry.');
  await page.getByTestId('major-review-save').click();
  await expect(page.getByTestId('major-review')).toContainText('Expired relay certificate.');

  await view.choose('field-status', 'Closed');
  await view.save();
  await expect(view.timeline('status_change').filter({ hasText: /Resolved → Closed/ })).toHaveCount(1);
  await new SyncStatus(page).expectSettled();

  // What the server holds: the parent closed after its review, each child resolved with its own history entry.
  const supervisor = (await apiLogin(server.url, 'supervisor@example.org')).accessToken;
  const tickets = new Map((await pullAll<Ticket>(server.url, supervisor, 'tickets')).map((t) => [t.id, t]));
  expect(tickets.get(parent.id)).toMatchObject({ status: 'closed', major: true, majorManagerId: 'usr-agent' });
  for (const child of children) {
    expect(tickets.get(child.id)).toMatchObject({ status: 'resolved', parentId: parent.id, resolutionCode: 'fixed' });
  }
  const events = await pullAll<TicketEvent>(server.url, supervisor, 'ticket_events');
  const of = (ticketId: string, kind: string) => events.filter((e) => e.ticketId === ticketId && e.kind === kind);
  for (const child of children) expect(of(child.id, 'status_change').map((e) => e.toValue)).toEqual(['resolved']);
  expect(of(parent.id, 'review')).toHaveLength(1);
  expect(
    of(parent.id, 'communication')
      .filter((e) => e.toValue === 'stakeholders')
      .map((e) => e.body),
  ).toEqual(['Email is down; next update at 10:30.']);
});
