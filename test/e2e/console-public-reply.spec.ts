import nodemailer from 'nodemailer';
import { listQueuedMail } from '../../server/src/db/queries/mail-outbox.js';
import { expect, test } from './fixtures/mail-desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

test.describe.configure({ timeout: 300_000 });

const HOSTILE = '<img src=x onerror=alert(1)>';

test('a public reply written offline reaches the French caller once synced, and their e-mail answer shows in the history', async ({
  server,
  signIn,
  smtp,
}) => {
  const { page, context } = await signIn('agent@example.org');
  const sync = new SyncStatus(page);
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({ caller: 'Chloé Bouchard', category: /Password reset/, title: 'Accès VPN', description: 'Refusé' });
  const id = await create.submit(60_000);
  const view = new TicketPage(page);
  await expect(page.getByTestId('ticket-provisional')).toHaveCount(0);
  const number = ((await view.field('ticket-number').textContent()) ?? '').split('·')[0].trim();
  expect(number).toMatch(/^INC\d{7}$/);
  await sync.expectSettled();

  // The internal note and the public reply are two forms; the reply is written offline.
  await expect(page.getByTestId('reply-section')).toContainText('Public reply to the caller');
  await context.setOffline(true);
  await sync.expectOffline();
  await page.getByTestId('reply-body').fill(`Essayez de nouveau. ${HOSTILE}`);
  await page.getByTestId('reply-send').click();
  const sent = view.timeline('reply').filter({ hasText: 'Essayez de nouveau.' });
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('Sent to the caller by e-mail');
  expect((await listQueuedMail(server.db, { ticketId: id })).filter((m) => m.kind === 'ticket-reply')).toEqual([]);

  await context.setOffline(false);
  await sync.expectSettled();
  const mail = await smtp.waitFor((m) => m.subject === `[${number}] Accès VPN`);
  expect(mail.to).toEqual(['chloe.bouchard@example.org']);
  expect(mail.text).toContain('Le centre de services a répondu');
  expect(mail.html).not.toContain('<img');
  // Nothing from the reply ran as markup in the page either.
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  const port = server.inboundSmtpPort;
  if (!port) throw new Error('no inbound listener');
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  await transport.sendMail({
    from: 'chloe.bouchard@example.org',
    to: 'desk@example.org',
    subject: `RE: ${mail.subject}`,
    inReplyTo: mail.parsed.messageId,
    text: `Ça marche, merci.\n\nLe lun., Service Desk a écrit :\n> Essayez de nouveau.`,
  });
  transport.close();
  // The answer arrives by the live stream, in the caller's name.
  const answer = view.timeline('reply').filter({ hasText: 'Ça marche, merci.' });
  await expect(answer).toHaveCount(1, { timeout: 30_000 });
  await expect(answer).toContainText('E-mail from the caller');
  await expect(answer).toContainText('Chloé Bouchard');
  await expect(answer).not.toContainText('Essayez de nouveau.');
});
