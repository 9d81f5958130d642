import type { Ticket } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';

// This file moves the demo changes along their lifecycle: it runs against a server of its own.
test.use({ serverFor: 'changes' });

// The demo data (server/src/seed/change-data.ts): CHG0001001 awaits the CAB on the payroll database and overlaps
// CHG0001002, scheduled on the server the database runs on; CHG0001004 was implemented yesterday on the file-sharing
// application, where INC0009001 was opened this morning. The CAB is Sophie (supervisor), Grace and Jérôme; the
// change manager is Camille; the requester of the demo changes is Avery (agent).
const MANAGER = 'camille.gauthier@example.org';

async function storedTicket(serverUrl: string, id: string): Promise<Ticket | undefined> {
  const token = (await apiLogin(serverUrl, 'admin@example.org')).accessToken;
  return (await pullAll<Ticket>(serverUrl, token, 'tickets')).find((t) => t.id === id);
}

test('a CAB member finds the change waiting for her in the calendar and her queue, and approves it', async ({ signIn }) => {
  test.setTimeout(150_000);
  const { page } = await signIn('grace.thompson@example.org');
  await new SyncStatus(page).expectSettled();
  await page.getByTestId('nav-changes').click();
  await page.getByTestId('calendar-view').getByText('List').click();
  const row = page.locator('[data-testid="calendar-row"][data-change-id="chg-demo-1"]');
  await expect(row).toContainText('CHG0001001');
  // One collision: the firmware patch of the server the database runs on, an hour into its window.
  await expect(row.getByRole('cell').last()).toHaveText('1');
  await expect(page.locator('[data-testid="calendar-row"][data-change-id="chg-demo-4"]')).toHaveCount(0);
  expect(await seriousViolationsIn(page, '[data-testid="changes-page"]')).toEqual([]);

  await page.getByTestId('changes-tab-approvals').click();
  await page.locator('[data-testid="my-approval"][data-change-id="chg-demo-1"]').getByRole('link').click();
  await page.getByTestId('change-approval-comment').fill('Inside the payroll window.');
  await page.getByTestId('change-approve').click();
  await expect(page.getByTestId('change-approval-count')).toHaveText('1 of 2 approvals');
  await new SyncStatus(page).expectSettled();
  await page.getByTestId('nav-changes').click();
  await page.getByTestId('changes-tab-approvals').click();
  await expect(page.getByTestId('my-approvals-empty')).toBeVisible();
});

test('a change shows its impacted services and a collision; a second CAB member approves offline; it is scheduled and its task is done offline', async ({
  server,
  signIn,
}) => {
  test.setTimeout(300_000);
  // The manager sees what the change touches, what it collides with and where its approval stands.
  const manager = await signIn(MANAGER);
  await new SyncStatus(manager.page).expectSettled();
  await new TicketPage(manager.page).open('CHG0001001');
  const panel = manager.page.getByTestId('change-panel');
  await expect(panel.getByTestId('change-phase')).toHaveAttribute('data-phase', 'awaiting_approval');
  await expect(manager.page.getByTestId('ci-impact-summary')).toContainText('Pay system');
  const collision = panel.getByTestId('change-collision');
  await expect(collision).toHaveCount(1);
  await expect(collision).toHaveAttribute('data-kind', 'dependent_ci');
  await expect(collision).toContainText('CHG0001002');
  await expect(panel.getByTestId('change-risk-level')).toHaveAttribute('data-level', 'medium');
  await expect(panel.getByTestId('change-approval-count')).toHaveText('1 of 2 approvals');
  // Scheduling before the quorum is refused with its reason, and nothing moves.
  await panel.getByTestId('change-move-scheduled').click();
  await expect(panel.getByRole('alert').filter({ hasText: 'scheduled only once' })).toContainText('1 of 2 approvals');
  await expect(panel.getByTestId('change-phase')).toHaveAttribute('data-phase', 'awaiting_approval');
  expect(await seriousViolationsIn(manager.page, '[data-testid="change-panel"]')).toEqual([]);

  // Jérôme is on the road: he approves offline, and it counts once his device is back.
  const jerome = await signIn('jerome.belanger@example.org');
  const jeromeSync = new SyncStatus(jerome.page);
  await jeromeSync.expectSettled();
  await new TicketPage(jerome.page).open('CHG0001001');
  await jerome.context.setOffline(true);
  await jeromeSync.expectOffline();
  await jerome.page.getByTestId('change-approve').click();
  await expect(jerome.page.getByTestId('change-decision').filter({ hasText: 'Jérôme' })).toHaveAttribute(
    'data-decision',
    'approved',
  );
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const approvalsOnServer = async () =>
    (await pullAll<{ kind: string; authorId: string }>(server.url, admin, 'ticket_events')).filter(
      (e) => e.kind === 'approval' && e.authorId === 'usr-0016',
    );
  expect(await approvalsOnServer(), 'not on the server while offline').toEqual([]);
  await jerome.context.setOffline(false);
  await jeromeSync.expectSettled();
  await jerome.context.close();

  // The manager's device receives the decision; the quorum is met and the change is scheduled.
  await expect(panel.getByTestId('change-approval-count')).toHaveText('2 of 2 approvals', { timeout: 30_000 });
  await panel.getByTestId('change-move-scheduled').click();
  await expect(panel.getByTestId('change-phase')).toHaveAttribute('data-phase', 'scheduled');
  await new SyncStatus(manager.page).expectSettled();
  await expect
    .poll(async () => (await storedTicket(server.url, 'chg-demo-1'))?.changePhase, { timeout: 30_000 })
    .toBe('scheduled');

  // A task for the field technician, outside the change's group, who completes it offline from its brief.
  await panel.getByTestId('change-task-title').fill('Check the <b>UPS</b> before the upgrade');
  await manager.page.getByTestId('change-task-assignee').click();
  await manager.page.getByRole('option', { name: 'Théo Tremblay' }).click();
  await panel.getByTestId('change-task-add').click();
  await expect(panel.getByTestId('change-task')).toHaveCount(1);
  await expect(panel.getByTestId('change-task')).toContainText('Check the <b>UPS</b> before the upgrade');
  await new SyncStatus(manager.page).expectSettled();

  const tech = await signIn('tech@example.org');
  const techSync = new SyncStatus(tech.page);
  await techSync.expectSettled();
  // The task reaches the technician's device (assigned to him, though the change's group is not his); then he leaves.
  await tech.page.getByTestId('nav-tickets').click();
  await tech.page.getByTestId('queue-search').fill('UPS');
  await expect(tech.page.getByTestId('ticket-row')).toHaveCount(1, { timeout: 30_000 });
  await tech.context.setOffline(true);
  await techSync.expectOffline();
  await tech.page.getByTestId('ticket-row').first().click();
  const taskPanel = tech.page.getByTestId('change-task-panel');
  await expect(taskPanel.getByTestId('change-task-brief')).toContainText('CHG0001001');
  await expect(taskPanel.getByTestId('change-task-brief')).toContainText('Restore the snapshot taken before the update.');
  await taskPanel.getByTestId('change-task-notes').fill('UPS tested on battery for ten minutes.');
  await taskPanel.getByTestId('change-task-done').click();
  await expect(taskPanel.getByTestId('change-task-done')).toHaveCount(0);
  await tech.context.setOffline(false);
  await techSync.expectSettled();
  await expect(panel.getByTestId('change-task')).toHaveAttribute('data-status', 'resolved', { timeout: 30_000 });
});

test('an incident on a CI changed yesterday is suggested as caused by the change, linked in one click', async ({
  signIn,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn('agent@example.org');
  await new SyncStatus(page).expectSettled();
  await new TicketPage(page).open('INC0009001');
  const suggestion = page.locator('[data-testid="causing-change"][data-change-id="chg-demo-4"]');
  await expect(suggestion).toContainText('CHG0001004');
  await suggestion.getByTestId('causing-change-link').click();
  await expect(page.getByTestId('caused-by-change')).toContainText('CHG0001004');
  await new SyncStatus(page).expectSettled();
  await expect
    .poll(async () => (await storedTicket(server.url, 'tkt-demo-after-change'))?.causedByChangeId, { timeout: 30_000 })
    .toBe('chg-demo-4');
});

test('a release bundles two approved changes, refuses what is not one, and drafts its notes in both languages', async ({
  signIn,
}) => {
  test.setTimeout(150_000);
  const { page } = await signIn(MANAGER);
  await new SyncStatus(page).expectSettled();
  // The firmware patch fixes the slow shared folders: listed on the change, shown on the incident, named in the notes.
  await new TicketPage(page).open('CHG0001002');
  await page.getByTestId('change-fix-link-number').fill('inc0009001');
  await page.getByTestId('change-fix-link').click();
  await expect(page.getByTestId('change-fix')).toContainText('INC0009001');
  await new TicketPage(page).open('INC0009001');
  await expect(page.locator('[data-testid="fixing-change"][data-change-id="chg-demo-2"]')).toBeVisible();
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({
    type: 'Release',
    caller: 'Avery Martin',
    category: /Business application/,
    title: 'Payroll spring release <img src=x onerror="window.__pwned=1">',
    description: 'The payroll changes of the spring.',
  });
  await create.submit();
  const panel = page.getByTestId('release-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('ticket-detail')).toContainText('<img src=x onerror="window.__pwned=1">');

  for (const number of ['CHG0001002', 'chg0001003 ']) {
    await panel.getByTestId('release-bundle-input').fill(number);
    await panel.getByTestId('release-bundle').click();
  }
  await expect(panel.getByTestId('release-change')).toHaveCount(2);
  // An incident is no change, and nothing is added for it.
  await panel.getByTestId('release-bundle-input').fill('INC0009001');
  await panel.getByTestId('release-bundle').click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(panel.getByTestId('release-change')).toHaveCount(2);

  await panel.getByTestId('release-notes-generate').click();
  const en = panel.getByTestId('release-notes-en');
  const fr = panel.getByTestId('release-notes-fr');
  await expect(en).toHaveValue(/CHG0001002/);
  await expect(en).toHaveValue(/CHG0001003/);
  await expect(en).toHaveValue(/## Changes/);
  await expect(en).toHaveValue(/Fixes: INC0009001/);
  await expect(fr).toHaveValue(/## Changements/);
  // The hostile title is escaped in the Markdown, never markup.
  await expect(en).toHaveValue(/\\<img src=x onerror="window\\.\\_\\_pwned=1"\\>/);
  await panel.getByTestId('release-notes-save').click();
  const download = page.waitForEvent('download');
  await panel.getByTestId('release-export-en').click();
  expect((await download).suggestedFilename()).toMatch(/-en\.md$/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await new SyncStatus(page).expectSettled();
});
