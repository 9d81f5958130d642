import type { Page } from '@playwright/test';
import type { Ticket } from '@shared';
import { GROUP_IDS } from '../../server/src/seed/directory-data.js';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { TicketPage } from './page-models/ticket-page.js';

// The hostile ticket would show up in other files' text searches: this file has a server of its own.
test.use({ serverFor: 'console-palette' });

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> printer jam';

/** The palette's Ctrl+K is ignored in a text field: open it from a control that is not one. */
async function openPalette(page: Page, from: string): Promise<void> {
  await page.getByTestId(from).click();
  await page.locator('body').press('Control+k');
  await expect(page.getByTestId('palette-search')).toBeVisible();
}

async function serverTicket(serverUrl: string, email: string, id: string): Promise<Ticket | undefined> {
  const { accessToken } = await apiLogin(serverUrl, email);
  return (await pullAll<Ticket>(serverUrl, accessToken, 'tickets')).find((t) => t.id === id);
}

test('on an open ticket the palette assigns it to me and escalates it, both written to the server', async ({
  signIn,
  server,
}) => {
  const { page } = await signIn('agent@example.org');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({ caller: 'Noah Campbell', category: /Password reset/, title: HOSTILE_TITLE, description: 'Jammed' });
  const id = await create.submit();
  const view = new TicketPage(page);
  await expect(view.field('field-assignee')).toHaveValue('Unassigned');

  // Hostile text in a ticket title is shown as text in the palette's ticket hits, never as markup.
  await openPalette(page, 'ticket-number');
  await page.getByTestId('palette-search').fill('printer jam');
  const hit = page.getByTestId('palette-ticket').filter({ hasText: 'printer jam' });
  await expect(hit).toContainText('<img src=x onerror=alert(1)>');
  await expect(hit.locator('img')).toHaveCount(0);

  await page.getByTestId('palette-search').fill('');
  await expect(page.getByTestId('palette-ticket-action-escalate')).toBeVisible();
  await page.getByTestId('palette-ticket-action-assign-me').click();
  await expect(view.field('field-assignee')).toHaveValue('Avery Martin');
  const agent = await apiLogin(server.url, 'agent@example.org');
  await expect
    .poll(async () => (await serverTicket(server.url, 'agent@example.org', id))?.assigneeId, { timeout: 15_000 })
    .toBe(agent.user.id);

  // Already theirs: the palette no longer offers to assign it.
  await openPalette(page, 'ticket-number');
  await expect(page.getByTestId('palette-ticket-action-resolve')).toBeVisible();
  await expect(page.getByTestId('palette-ticket-action-assign-me')).toHaveCount(0);
  await page.getByTestId('palette-search').fill('escalate');
  await page.getByTestId('palette-ticket-action-escalate').click();
  await create.choose('escalate-group', 'Business Applications');
  await page.getByTestId('escalate-reason').fill('Printer driver owned by the applications team');
  await page.getByTestId('escalate-submit').click();
  await expect(view.field('field-group')).toHaveValue('Business Applications');
  await expect(page.getByTestId('badge-tier')).toBeVisible();
  await expect
    .poll(
      async () => {
        const held = await serverTicket(server.url, 'agent@example.org', id);
        return held && { tier: held.escalationTier, groupId: held.groupId };
      },
      { timeout: 15_000 },
    )
    .toEqual({ tier: 2, groupId: GROUP_IDS.apps });

  // "Resolve…" opens the page's own status field, where resolving asks for its code and notes.
  await openPalette(page, 'ticket-number');
  await page.getByTestId('palette-ticket-action-resolve').click();
  await expect(page.getByRole('option', { name: 'Resolved' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('the palette’s link actions hand over to the ticket page’s own controls', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({ caller: 'Noah Campbell', category: /VPN/, title: 'VPN disconnections', description: 'VPN drops hourly' });
  await create.submit();
  await expect(page.getByTestId('suggested-article').first()).toBeVisible();

  await openPalette(page, 'ticket-number');
  await page.getByTestId('palette-ticket-action-link-article').click();
  // The ticket's own article search takes the keyboard: type, then link what it finds.
  await expect(page.getByTestId('article-search')).toBeFocused();
  await page.keyboard.type('vpn');
  const found = page.getByTestId('suggested-article').first();
  const articleId = (await found.getAttribute('data-article-id')) ?? '';
  await found.getByTestId('article-link').click();
  await expect(page.locator(`[data-testid="linked-article"][data-article-id="${articleId}"]`)).toBeVisible();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="article_link"]')).toHaveCount(1);

  await openPalette(page, 'ticket-number');
  await page.getByTestId('palette-ticket-action-link-problem').click();
  await expect(page.getByTestId('known-error-search')).toBeFocused();
});

/** The palette's screen ids and the navigation link each stands for (app/screens.ts). */
const SCREEN_NAV: Record<string, string> = {
  tickets: 'nav-tickets',
  kb: 'nav-kb',
  cmdb: 'nav-cmdb',
  problems: 'nav-problems',
  changes: 'nav-changes',
  conflicts: 'nav-conflicts',
  reports: 'nav-reports',
  'sla-admin': 'nav-sla-admin',
  'held-mail': 'nav-held-mail',
  'survey-design': 'nav-survey-design',
  admin: 'nav-admin',
};

async function navLinks(page: Page): Promise<string[]> {
  const ids = await page.locator('nav [data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  return ids.filter((id): id is string => id !== null).sort();
}

async function paletteScreens(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="palette-action-"]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('palette-action-', '')));
  return ids.flatMap((id) => (SCREEN_NAV[id] ? [SCREEN_NAV[id]] : [])).sort();
}

for (const { email, reports } of [
  { email: 'agent@example.org', reports: false },
  { email: 'admin@example.org', reports: true },
  { email: 'tech@example.org', reports: false },
  { email: 'supervisor@example.org', reports: true },
]) {
  test(`${email}: the palette offers exactly the screens of the navigation`, async ({ signIn }) => {
    const { page } = await signIn(email);
    await page.getByTestId('nav-tickets').click();
    const nav = await navLinks(page);
    await openPalette(page, 'nav-tickets');
    expect(await paletteScreens(page)).toEqual(nav);
    expect(nav.includes('nav-reports')).toBe(reports);
    await expect(page.getByTestId('palette-action-reports')).toHaveCount(reports ? 1 : 0);
    if (reports) {
      await page.getByTestId('palette-action-reports').click();
      await expect(page).toHaveURL(/\/reports$/);
    }
  });
}
