import type { Page, Response } from '@playwright/test';
import type { PullResponse, Ticket } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

/** Every ticket id and event ticket id a browser received in its pull responses. */
function recordPulls(page: Page): { ids: Set<string>; responses: number } {
  const seen = { ids: new Set<string>(), responses: 0 };
  page.on('response', (response: Response) => {
    if (!/\/api\/sync\/(tickets|ticket_events)\/pull/.test(response.url()) || response.status() !== 200) return;
    void response
      .json()
      .then((body: PullResponse<{ id: string; ticketId?: string }>) => {
        seen.responses += 1;
        for (const doc of body.documents) {
          seen.ids.add(doc.id);
          if (doc.ticketId) seen.ids.add(doc.ticketId);
        }
      })
      .catch(() => undefined);
  });
  return seen;
}

async function searchQueue(page: Page, number: string) {
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-search').fill(number);
}

test('a technician cannot receive a security incident (on the wire and in the UI); the supervisor does', async ({
  server,
  signIn,
}) => {
  // Three browsers and a full first sync for the supervisor: slow on a loaded machine.
  test.setTimeout(480_000);
  // The supervisor signs in first so that his first download runs while the others work.
  const { page: supPage } = await signIn('supervisor@example.org');
  // The technician is online from the start: his first pull and the live pulls after each change are all recorded.
  const { page: techPage } = await signIn('tech@example.org');
  const wire = recordPulls(techPage);
  await new SyncStatus(techPage).expectSettled();
  // Maya Singh is an agent of the security group: she may record security incidents.
  const { page: maya } = await signIn('maya.singh@example.org');
  const create = new CreateTicketPage(maya);
  await create.open();
  await create.fill({
    caller: 'Noah Campbell',
    category: /Phishing/,
    title: 'Suspicious invoice e-mail',
    description: 'Link to a fake login page',
  });
  await expect(
    maya.getByTestId('create-category').locator('xpath=ancestor::*[contains(@class,"mantine-InputWrapper-root")]'),
  ).toContainText('only the security group and supervisors');
  const id = await create.submit();
  await expect(maya.getByTestId('badge-security')).toBeVisible();
  const view = new TicketPage(maya);
  await expect(view.field('field-group')).toHaveValue('IT Security');
  // Hand it to Field Services: only the security flag now keeps it from the field technician.
  await view.choose('field-group', 'Field Services');
  await view.save();
  await expect(view.field('field-group')).toHaveValue('Field Services');
  await new SyncStatus(maya).expectSettled();
  const number = (await maya.getByTestId('ticket-number').textContent())?.split(' · ')[0].trim() ?? '';

  const supervisor = (await apiLogin(server.url, 'supervisor@example.org')).accessToken;
  const stored = (await pullAll<Ticket>(server.url, supervisor, 'tickets')).find((t) => t.id === id);
  expect(stored).toMatchObject({ security: true, groupId: 'grp-field', categoryId: 'cat-security-phishing' });

  // The technician's own API pull never contains it, though he receives other Field Services tickets.
  const tech = await apiLogin(server.url, 'tech@example.org');
  const techTickets = await pullAll<Ticket>(server.url, tech.accessToken, 'tickets');
  expect(techTickets.some((t) => t.groupId === 'grp-field' && !t.security)).toBe(true);
  expect(techTickets.map((t) => t.id)).not.toContain(id);
  const control = techTickets.find((t) => t.groupId === 'grp-field' && !t.security && t.status !== 'closed')!;

  await searchQueue(techPage, control.number);
  await expect(techPage.locator(`[data-testid="ticket-row"][data-number="${control.number}"]`)).toHaveCount(1);
  // The technician's browser: no pull response ever carries it, and the UI cannot find it.
  // A change made while he is online (a comment) triggers a new pull: still nothing.
  await maya.getByTestId('comment-body').fill('Blocked the sender domain.');
  await maya.getByTestId('comment-add').click();
  await new SyncStatus(maya).expectSettled();
  await searchQueue(techPage, number);
  await expect(techPage.getByTestId('ticket-row')).toHaveCount(0);
  await techPage.goto(techPage.url().replace(/#.*$/, `#/tickets/${encodeURIComponent(id)}`));
  await expect(techPage.getByTestId('ticket-detail')).toHaveCount(0);
  expect(wire.responses).toBeGreaterThan(0);
  expect([...wire.ids]).not.toContain(id);

  // The supervisor's browser receives it, marked as a security incident in the queue.
  await searchQueue(supPage, number);
  const row = supPage.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row.getByTestId('badge-security')).toBeVisible();
  expect(await seriousViolationsIn(supPage), 'queue with a security incident').toEqual([]);
});

test('an agent outside the security group is told to transfer a security incident, and nothing is recorded', async ({
  signIn,
}) => {
  test.setTimeout(180_000);
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({
    caller: 'Noah Campbell',
    category: /Malware/,
    title: 'Pop-ups everywhere',
    description: 'Antivirus alert',
  });
  await page.getByTestId('create-submit').click();
  await expect(page.getByText('Only the security group or a supervisor records security incidents')).toBeVisible();
  await expect(page.getByTestId('create-ticket')).toBeVisible();
});
