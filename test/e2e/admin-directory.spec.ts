import type { DirectoryEntry, Ticket } from '@shared';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures/desk-test.js';
import { apiLogin, expect, pullAll, test } from './fixtures/mail-desk-test.js';
import { LoginPage } from './page-models/login-page.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';

// This file changes what the whole desk shares: it runs against a server of its own.
test.use({ serverFor: 'admin-directory' });

// One server for this file (worker fixture): the demo directory, its groups, categories and people, sending mail to a
// real SMTP server the tests read.

const HOSTILE = '<img src=x onerror="window.__pwned=1">Plotters';

async function serverDirectory(serverUrl: string): Promise<DirectoryEntry[]> {
  const { accessToken } = await apiLogin(serverUrl, 'admin@example.org');
  return pullAll<DirectoryEntry>(serverUrl, accessToken, 'directory');
}

async function openAdmin(page: Page, tab: 'people' | 'groups' | 'categories' | 'audit'): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`admin-tab-${tab}`).click();
}

/** Picks `option` in a Mantine select or multi-select, typing `typed` first to narrow the list. */
async function choose(page: Page, testId: string, option: string | RegExp, typed?: string): Promise<void> {
  const input = page.getByTestId(testId);
  // A multi-select's pills wrapper takes the click meant for its input: a click at the input's place opens it either way.
  await input.click({ force: true });
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

test('an administrator creates a group with a lead and a category routed to it; an agent’s new ticket in it goes there with its defaults', async ({
  signIn,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn('admin@example.org');
  await openAdmin(page, 'groups');
  await page.getByTestId('admin-group-new').click();
  const group = page.getByTestId('admin-group-editor');
  await group.getByTestId('admin-group-name').fill('Printing and plotting');
  await group.getByTestId('admin-group-name-fr').fill('Impression et traçage');
  await group.getByTestId('admin-group-email').fill('printing@example.org');
  await choose(page, 'admin-group-tier', /Tier 2/);
  await choose(page, 'admin-group-members', /Olivia Brown/, 'Olivia');
  await choose(page, 'admin-group-leads', /Olivia Brown/);
  await group.getByTestId('admin-group-save').click();
  await expect(group).toBeHidden();
  const groupRow = page.getByTestId('admin-group-list-row').filter({ hasText: 'Printing and plotting' });
  await expect(groupRow).toContainText('Olivia Brown');

  await page.getByTestId('admin-tab-categories').click();
  await page.getByTestId('admin-category-new').click();
  const category = page.getByTestId('admin-category-editor');
  await category.getByTestId('admin-category-name').fill(HOSTILE);
  await category.getByTestId('admin-category-name-fr').fill('Traceurs');
  await choose(page, 'admin-category-parent', 'Hardware', 'Hardware');
  await choose(page, 'admin-category-group', 'Printing and plotting');
  await choose(page, 'admin-category-impact', 'High');
  await category.getByTestId('admin-category-save').click();
  await expect(category).toBeHidden();
  // Entered markup is a name, shown as text, never run.
  await expect(page.getByTestId('admin-category-list-row').filter({ hasText: HOSTILE })).toContainText('Printing and plotting');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await new SyncStatus(page).expectSettled();

  const stored = await serverDirectory(server.url);
  const printing = stored.find((e) => e.name === 'Printing and plotting');
  expect(printing).toMatchObject({ kind: 'group', tier: 2, email: 'printing@example.org', leadIds: ['usr-0007'] });
  expect(stored.find((e) => e.id === 'usr-0007')?.groupIds).toContain(printing?.id);
  expect(stored.find((e) => e.name === HOSTILE)).toMatchObject({ parentId: 'cat-hardware', groupId: printing?.id, impact: 1 });

  // An agent on another device receives the new category and files a ticket under it.
  const agent = (await signIn('agent@example.org')).page;
  const create = new CreateTicketPage(agent);
  await create.open();
  await create.fill({
    caller: 'Liam Wilson',
    category: new RegExp('Plotters'),
    title: 'Plotter prints blank sheets',
    description: 'Since this morning.',
  });
  await expect(agent.getByText('Routed to Printing and plotting')).toBeVisible();
  const ticketId = await create.submit();
  await new SyncStatus(agent).expectSettled();
  const { accessToken } = await apiLogin(server.url, 'admin@example.org');
  const ticket = (await pullAll<Ticket>(server.url, accessToken, 'tickets')).find((t) => t.id === ticketId);
  expect(ticket).toMatchObject({ groupId: printing?.id, impact: 1 });
});

test('a duplicate address is refused in the form, in English and in French, and nothing is written', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('admin@example.org');
  await openAdmin(page, 'people');
  await page.getByTestId('admin-user-new').click();
  const editor = page.getByTestId('admin-person-editor');
  await editor.getByTestId('admin-person-name').fill('Second Olivia');
  await editor.getByTestId('admin-person-email').fill('OLIVIA.BROWN@example.org');
  await editor.getByTestId('admin-person-save').click();
  await expect(editor.getByText('This address is already the address of Olivia Brown.').first()).toBeVisible();

  await page.getByTestId('language-switch').selectOption('fr');
  await editor.getByTestId('admin-person-save').click();
  await expect(editor.getByText('Cette adresse est déjà celle de Olivia Brown.').first()).toBeVisible();
  await new SyncStatus(page).expectSettled();
  expect((await serverDirectory(server.url)).filter((e) => e.name === 'Second Olivia')).toEqual([]);
});

test('an administrator deactivates a person, who can no longer sign in; the audit shows who did it; supervisors read, agents do not see it', async ({
  signIn,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn('admin@example.org');
  await openAdmin(page, 'people');
  await page.getByTestId('admin-user-filter').fill('lucas');
  const row = page.locator('[data-testid="admin-user-list-row"][data-entry-id="usr-0020"]');
  await row.getByTestId('admin-user-list-open').click();
  const editor = page.getByTestId('admin-person-editor');
  await editor.getByTestId('admin-person-active').uncheck();
  await editor.getByTestId('admin-person-save').click();
  await expect(row).toContainText('Deactivated');
  await new SyncStatus(page).expectSettled();

  const signInAttempt = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lucas.nguyen@example.org', password: DEMO_PASSWORD }),
  });
  expect(signInAttempt.status).toBe(403);
  expect((await serverDirectory(server.url)).find((e) => e.id === 'usr-0020')).toMatchObject({
    name: 'Lucas Nguyen',
    active: false,
  });

  // Nobody gives themselves more: the form refuses the administrator's own groups.
  await page.getByTestId('admin-user-filter').fill('adam');
  await page
    .locator('[data-testid="admin-user-list-row"][data-entry-id="usr-admin"]')
    .getByTestId('admin-user-list-open')
    .click();
  await choose(page, 'admin-person-groups', 'IT Security', 'Security');
  await editor.getByTestId('admin-person-save').click();
  await expect(editor.getByTestId('admin-person-errors')).toContainText('Nobody changes their own role, groups or access');
  await editor.getByTestId('admin-person-cancel').click();

  await page.getByTestId('admin-tab-audit').click();
  const change = page.locator('[data-testid="admin-audit-row"][data-entry-id="usr-0020"]').first();
  await expect(change).toContainText('Adam Roy');
  await expect(change.getByTestId('admin-audit-change')).toHaveText('Active: yes → no');
  expect(await seriousViolationsIn(page, '[data-testid="admin-page"]')).toEqual([]);

  const supervisor = (await signIn('supervisor@example.org')).page;
  await openAdmin(supervisor, 'people');
  await expect(supervisor.getByTestId('admin-readonly-note')).toBeVisible();
  await expect(supervisor.getByTestId('admin-user-new')).toHaveCount(0);
  const agent = (await signIn('agent@example.org')).page;
  await expect(agent.getByTestId('nav-tickets')).toBeVisible();
  await expect(agent.getByTestId('nav-admin')).toHaveCount(0);
});

test('every administration screen has no serious or critical axe violation, with a form open', async ({ signIn }) => {
  test.setTimeout(120_000);
  const { page } = await signIn('admin@example.org');
  const found: string[] = [];
  for (const [tab, open] of [
    ['people', 'admin-user-new'],
    ['groups', 'admin-group-new'],
    ['categories', 'admin-category-new'],
  ] as const) {
    await openAdmin(page, tab);
    await page.getByTestId(open).click();
    found.push(...(await seriousViolationsIn(page, '[data-testid="admin-page"]')).map((v) => `${tab}: ${v}`));
  }
  expect(found).toEqual([]);
});

test('a new person gets a one-time link by e-mail, chooses their own password on it, and signs in with it', async ({
  signIn,
  smtp,
  browser,
}) => {
  test.setTimeout(120_000);
  const name = 'Inès <img src=x onerror="window.__pwned=1">Roy';
  const { page } = await signIn('admin@example.org');
  await openAdmin(page, 'people');
  await page.getByTestId('admin-user-new').click();
  const editor = page.getByTestId('admin-person-editor');
  await editor.getByTestId('admin-person-name').fill(name);
  await editor.getByTestId('admin-person-email').fill('ines.roy@example.org');
  await choose(page, 'admin-person-groups', 'Service Desk', 'Service');
  await editor.getByTestId('admin-person-save').click();
  await expect(editor).toBeHidden();
  await new SyncStatus(page).expectSettled();

  await page.getByTestId('admin-user-filter').fill('ines.roy');
  await page.getByTestId('admin-user-list-open').first().click();
  await editor.getByTestId('admin-person-send-link').click();
  await expect(editor.getByTestId('admin-person-link-result')).toHaveText('A link was sent to ines.roy@example.org.');
  const mail = await smtp.waitFor((m) => m.to.includes('ines.roy@example.org'));
  const link = /(http\S+#\/set-password\?token=[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeDefined();

  const context = await browser.newContext({ locale: 'en-CA' });
  const invitee = await context.newPage();
  await invitee.goto(link ?? '');
  await expect(invitee.getByTestId('set-password-greeting')).toHaveText(
    `Hello ${name}. Choose the password you will sign in with.`,
  );
  await invitee.getByTestId('set-password-password').fill('too short');
  await invitee.getByTestId('set-password-confirm').fill('too short');
  await invitee.getByTestId('set-password-submit').click();
  await expect(invitee.getByTestId('set-password-error')).toHaveText(
    'Use at least 12 characters; a few words together are easy to remember.',
  );
  expect(await seriousViolationsIn(invitee)).toEqual([]);

  await invitee.getByTestId('set-password-password').fill('maple syrup in january');
  await invitee.getByTestId('set-password-confirm').fill('maple syrup in january');
  await invitee.getByTestId('set-password-submit').click();
  await expect(invitee.getByTestId('set-password-done')).toBeVisible();
  await invitee.getByTestId('set-password-sign-in').click();
  expect(invitee.url()).not.toContain('token=');
  await new LoginPage(invitee).signIn('ines.roy@example.org', 'maple syrup in january');
  await expect(invitee.getByTestId('nav-tickets')).toBeVisible();
  expect(await invitee.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await context.close();

  // The link worked once: opened again on another device, it says so and offers nothing to type into.
  const other = await browser.newContext({ locale: 'en-CA' });
  const again = await other.newPage();
  await again.goto(link ?? '');
  await expect(again.getByTestId('set-password-dead')).toBeVisible();
  await expect(again.getByTestId('set-password-password')).toHaveCount(0);
  await other.close();
});
