import type { Ticket } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

test('an agent records a ticket: live priority, routed by its category, synced with its id and a confirmed number', async ({
  server,
  signIn,
}) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.choose('create-impact', /high/i);
  await create.choose('create-urgency', /high/i);
  await expect(page.getByTestId('create-priority')).toHaveValue(/critical/i);
  await create.fill({
    caller: 'Liam Wilson',
    category: /VPN/,
    title: 'VPN drops every hour for the whole team',
    description: 'Since this morning',
  });
  const id = await create.submit();

  const view = new TicketPage(page);
  await expect(view.field('field-group')).toHaveValue('Network Operations');
  await new SyncStatus(page).expectSettled();
  // Online, the provisional number (NEW-…) is replaced by the server's as soon as the ticket syncs.
  await expect(page.getByTestId('ticket-provisional')).toHaveCount(0);
  await expect(page.getByTestId('ticket-number')).toContainText(/INC\d{7}/);
  // The toast names the confirmed number, the one to give the caller.
  await expect(page.getByText(/^Ticket NEW-[A-Z2-7]{6} is now INC\d{7}/)).toBeVisible();

  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const stored = (await pullAll<Ticket>(server.url, accessToken, 'tickets')).find((t) => t.id === id);
  expect(stored).toMatchObject({
    groupId: 'grp-network',
    status: 'new',
    priority: 1,
    number: expect.stringMatching(/^INC\d{7}$/),
  });
});

test('a number given to the caller while offline keeps finding the ticket once the server confirms another', async ({
  signIn,
}) => {
  const { page, context } = await signIn('agent@example.org');
  const sync = new SyncStatus(page);
  const create = new CreateTicketPage(page);
  await create.open();
  // Filled while the directory is still arriving, recorded with the network gone.
  await create.fill({ caller: 'Liam Wilson', category: /VPN/, title: 'Tunnel drops at the depot', description: 'Offline' });
  await context.setOffline(true);
  await sync.expectOffline();
  await create.submit();
  const given = ((await page.getByTestId('ticket-number').textContent()) ?? '').match(/NEW-[A-Z2-7]{6}/)?.[0] ?? '';
  expect(given).toMatch(/^NEW-/);
  await expect(page.getByTestId('ticket-provisional')).toBeVisible();

  await context.setOffline(false);
  await sync.expectSettled();
  await expect(page.getByTestId('ticket-number')).toContainText(/INC\d{7}/);
  const confirmed = ((await page.getByTestId('ticket-number').textContent()) ?? '').match(/INC\d{7}/)?.[0] ?? '';

  // The queue search and the palette find it by the number the caller holds, showing the confirmed one.
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-search').fill(given.toLowerCase());
  await expect(page.getByTestId('ticket-row')).toHaveCount(1);
  await expect(page.getByTestId('ticket-row')).toHaveAttribute('data-number', confirmed);
  // Out of the search box: the palette's shortcut is not taken from inside a text field.
  await page.getByTestId('nav-tickets').click();
  await page.locator('body').press('Control+k');
  await page.getByTestId('palette-search').fill(given);
  await page.locator(`[data-testid="palette-ticket"][data-number="${confirmed}"]`).click();
  await expect(page.getByTestId('ticket-number')).toContainText(confirmed);
});

test('similar open tickets are suggested while the title is typed', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.choose('create-category', /Printer/);
  await page.getByTestId('create-title').fill('Printer');
  await expect(page.getByTestId('duplicate-hint')).toBeVisible();
  await expect(page.getByTestId('duplicate-hint-item').first()).toBeVisible();
});

test('a new contact needs a name and an e-mail address', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await page.getByTestId('create-new-contact').check();
  await page.getByTestId('create-title').fill('Cannot log in');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('create-ticket')).toContainText(/name the caller/i);
  await create.fill({
    newContact: { name: 'Ana Visitor', email: 'ana@example.org' },
    category: /Password reset/,
    title: 'Cannot log in',
    description: 'x',
  });
  await create.submit();
});
