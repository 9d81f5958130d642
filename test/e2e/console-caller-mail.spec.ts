import type { Ticket } from '@shared';
import { listQueuedMail } from '../../server/src/db/queries/mail-outbox.js';
import { apiLogin, expect, mailAbout, pullAll, test } from './fixtures/mail-desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

const CONFIRMED = /^INC\d{7}$/;

// Long flows through the UI and the mail queue; the default 90 s is short on a loaded machine.
test.describe.configure({ timeout: 300_000 });

/** The number the ticket page shows once the server confirmed it. */
async function confirmedNumber(view: TicketPage): Promise<string> {
  await expect(view.page.getByTestId('ticket-provisional')).toHaveCount(0);
  const text = (await view.field('ticket-number').textContent()) ?? '';
  const number = text.split('·')[0].trim();
  expect(number).toMatch(CONFIRMED);
  return number;
}

/** Picks "Fixed", again if the field re-rendered under the click (it appears when the status becomes Resolved). */
async function chooseResolutionCode(view: TicketPage): Promise<void> {
  await expect(async () => {
    await view.choose('field-resolution-code', 'Fixed');
    await expect(view.field('field-resolution-code')).toHaveValue('Fixed', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

test('create, auto-route, assign, escalate, pending, resolve, reopen, resolve, close: the caller gets French e-mails', async ({
  server,
  signIn,
  smtp,
}) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  // Chloé Bouchard reads French (directory locale).
  await create.fill({
    caller: 'Chloé Bouchard',
    category: /Password reset/,
    title: 'Compte verrouillé',
    description: 'Mot de passe expiré',
  });
  const id = await create.submit(60_000);
  const view = new TicketPage(page);
  await expect(view.field('field-group')).toHaveValue('Service Desk');
  const number = await confirmedNumber(view);

  const created = await smtp.waitFor((m) => m.subject.includes(`[${number}]`));
  expect(created.to).toEqual(['chloe.bouchard@example.org']);
  expect(created.subject).toBe(`[${number}] Nous avons bien reçu votre demande : Compte verrouillé`);
  expect(created.text).toContain(`numéro ${number}`);

  await page.getByTestId('action-assign-me').click();
  await expect(view.field('field-assignee')).toHaveValue('Avery Martin');
  await page.getByTestId('action-escalate').click();
  await create.choose('escalate-group', 'Business Applications');
  await page.getByTestId('escalate-reason').fill('Account sync broken in the HR application');
  await page.getByTestId('escalate-submit').click();
  await expect(view.field('field-group')).toHaveValue('Business Applications');
  // Escalation hands the ticket over unassigned, back to New in the new group's queue; someone there takes it.
  await expect(view.field('field-assignee')).toHaveValue('Unassigned');
  await expect(view.field('field-status')).toHaveValue('New');
  await page.getByTestId('action-assign-me').click();
  await expect(view.field('field-status')).toHaveValue('Assigned');

  await view.choose('field-status', 'Pending');
  await view.choose('field-pending-reason', /customer/i);
  await view.save();
  const waiting = await smtp.waitFor((m) => m.subject.startsWith(`[${number}] Suivi de votre demande`));
  expect(waiting.text).toContain('en attente');
  expect(waiting.text).toContain('Nous attendons des informations de votre part.');

  await view.choose('field-status', 'Resolved');
  await chooseResolutionCode(view);
  await view.setText('field-resolution-notes', 'Compte resynchronisé, mot de passe réinitialisé');
  await view.save();
  const resolved = await smtp.waitFor((m) => m.subject.startsWith(`[${number}] Votre demande est résolue`));
  expect(resolved.text).toContain('Compte resynchronisé, mot de passe réinitialisé');

  // The caller says it still fails: reopened, then resolved again and closed.
  await view.choose('field-status', 'In progress');
  await view.save();
  await expect(view.timeline('status_change').filter({ hasText: /Resolved → In progress/ })).toHaveCount(1);
  await expect.poll(() => mailAbout(smtp, number).filter((m) => m.text.includes('en cours de traitement')).length).toBe(1);
  await view.choose('field-status', 'Resolved');
  await chooseResolutionCode(view);
  await view.setText('field-resolution-notes', 'Cache du navigateur vidé');
  await view.save();
  await expect.poll(() => mailAbout(smtp, number).filter((m) => m.subject.includes('Votre demande est résolue')).length).toBe(2);
  await view.choose('field-status', 'Closed');
  await view.save();
  await expect(view.timeline('status_change').filter({ hasText: /Resolved → Closed/ })).toHaveCount(1);
  await new SyncStatus(page).expectSettled();

  // Closing is not news for the caller; nothing was sent twice and all of it in French. Mail is queued in each push's
  // own transaction, so once the close is synced the outbox is the final word on what goes out.
  const expected = [
    `[${number}] Nous avons bien reçu votre demande`,
    `[${number}] Suivi de votre demande`,
    `[${number}] Votre demande est résolue`,
    `[${number}] Suivi de votre demande`,
    `[${number}] Votre demande est résolue`,
  ];
  const queued = await listQueuedMail(server.db, { ticketId: id });
  // (A resolution also queues a satisfaction survey, which is not a caller notification.)
  const notifications = queued.filter((m) => m.kind !== 'survey-invitation');
  expect(notifications.map((m) => m.subject.replace(/ :.*$/, ''))).toEqual(expected);
  expect(mailAbout(smtp, number).map((m) => m.subject.replace(/ :.*$/, ''))).toEqual(expected);
});

test('a ticket created offline by a technician keeps its id, syncs and gets its confirmed number', async ({
  server,
  signIn,
  smtp,
}) => {
  const { page, context } = await signIn('tech@example.org');
  const sync = new SyncStatus(page);
  await sync.expectSettled();
  const create = new CreateTicketPage(page);
  await create.open();
  // The directory (categories) is on the device once the first download is done.
  await page.getByTestId('create-category').click();
  await expect(page.getByRole('option', { name: /Laptop/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await context.setOffline(true);
  await sync.expectOffline();
  const visitor = `visitor-${Date.now()}@example.org`;
  await create.fill({
    newContact: { name: 'Site Visitor', email: visitor },
    category: /Laptop/,
    title: 'Docking station dead',
    description: 'On site',
  });
  const id = await create.submit(60_000);
  const view = new TicketPage(page);
  await expect(page.getByTestId('ticket-provisional')).toBeVisible();
  await expect(view.field('ticket-number')).toContainText(/NEW-[A-Z2-7]{6}/);
  expect(await sync.pending()).toBeGreaterThan(0);
  // Nothing is queued for the visitor while the ticket is only on the device.
  expect(await listQueuedMail(server.db, { to: visitor })).toEqual([]);

  await context.setOffline(false);
  await sync.expectSettled();
  const number = await confirmedNumber(view);
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const stored = (await pullAll<Ticket>(server.url, accessToken, 'tickets')).find((t) => t.id === id);
  expect(stored).toMatchObject({ id, number, groupId: 'grp-field', callerName: 'Site Visitor', title: 'Docking station dead' });
  // A caller outside the directory is written to in English, with the confirmed number.
  const created = await smtp.waitFor((m) => m.to.includes(visitor));
  expect(created.subject).toBe(`[${number}] We have received your request: Docking station dead`);
  // The queue shows the confirmed number, without the provisional mark.
  await view.open(number);
  await expect(page.getByTestId('ticket-detail')).toHaveAttribute('data-ticket-id', id);
});
