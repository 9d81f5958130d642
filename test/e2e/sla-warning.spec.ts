import { CALENDAR_TEMPLATES } from '@shared';
import { buildSettingDoc, buildSlaPolicy } from '@shared/testing/build-sla.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { apiLogin, expect, test } from './fixtures/mail-desk-test.js';
import { SyncStatus } from './page-models/sync-status.js';

// Its own server: the short policy below would warn about every incident the other mail specs create, and the
// scheduler looks for due warnings every second instead of every 30.
test.use({ serverFor: 'sla-warning', slaSchedulerMs: 1000 });

test('an SLA warning reaches the assignee in the app (notification centre and notice) and by e-mail (issue 17)', async ({
  server,
  smtp,
  signIn,
}) => {
  test.setTimeout(90_000);
  const admin = await apiLogin(server.url, 'admin@example.org');
  const { user: tech } = await apiLogin(server.url, 'tech@example.org');
  const api = new ApiClient(server.url);
  // A test calendar around the clock and a one-minute first response: half of it has gone 30 s after the ticket.
  const policy = buildSlaPolicy({
    id: 'sla-e2e-warning',
    name: 'One-minute response (test)',
    order: 0,
    condition: { types: ['incident'] },
    calendarId: 'cal-24x7',
    firstResponseMinutes: 1,
    resolutionMinutes: 60,
    thresholds: [{ percent: 50, actions: ['notify_assignee'] }],
    actionsInBusinessHoursOnly: false,
  });
  const pushed = await api.push(admin.accessToken, 'settings', [
    { newDocumentState: buildSettingDoc('sla_calendar', CALENDAR_TEMPLATES[0], admin.user.id) },
    { newDocumentState: buildSettingDoc('sla_policy', policy, admin.user.id) },
  ]);
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

  const { page } = await signIn('tech@example.org');
  await new SyncStatus(page).expectSettled();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-initial-sync', 'false');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('data-unread', '0');

  // Recorded by the technician's colleague on site 20 s ago: the clock counts from then, not from the sync.
  const { accessToken: supervisor } = await apiLogin(server.url, 'supervisor@example.org');
  const title = 'Badge reader dead <b>lobby</b>';
  const recordedAt = Date.now() - 20_000;
  const ticket = await api.createTicketIn(
    supervisor,
    makeTicket({
      type: 'incident',
      groupId: tech.groupIds[0],
      assigneeId: tech.id,
      status: 'assigned',
      title,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    }),
  );
  const number = String(ticket.number);
  // First the assignment, then the warning: two entries, the warning newest.
  await expect(bell).toHaveAttribute('data-unread', '2', { timeout: 45_000 });
  await expect(page.getByText(`Service level at risk: ${number}`)).toBeVisible();

  const mail = await smtp.waitFor((m) => m.to.includes('tech@example.org') && m.subject.includes(number), 5_000);
  expect(mail.subject).toContain(title);

  await bell.click();
  const warning = page.getByTestId('notification-centre').locator('[data-kind="sla"]');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('Service level warning');
  await expect(warning.getByTestId('notification-number')).toHaveText(number);
  await expect(warning.locator('b')).toHaveCount(0);
  await warning.click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));
  // The ticket's history says what happened and how many it told.
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'reached 50 % of its target' })).toContainText(
    'one person notified by e-mail',
  );
});
