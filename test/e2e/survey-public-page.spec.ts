import AxeBuilder from '@axe-core/playwright';
import type { Ticket } from '@shared';
import { listQueuedMail } from '../../server/src/db/queries/mail-outbox.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { surveyLinkIn } from '../../server/src/test-support/surveys.js';
import { DEMO_PASSWORD, apiLogin, pullAll } from './fixtures/desk-test.js';
import { LoginPage } from './page-models/login-page.js';
import { expect, test } from './fixtures/mail-desk-test.js';

const CUSTOMER = 'casey.customer@example.net';
const isSurveyMailTo = (to: string) => (m: { to: string[]; text: string }) => m.to.includes(to) && m.text.includes('/survey/');

async function push(serverUrl: string, token: string, rows: object[]): Promise<void> {
  const res = await fetch(`${serverUrl}/api/sync/tickets/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(rows),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

test('a customer answers the e-mailed survey on a phone, once, and the open dashboard counts it', async ({
  browser,
  server,
  smtp,
}) => {
  test.setTimeout(300_000);
  // The supervisor watches the reports while the customer answers.
  const supervisor = await apiLogin(server.url, 'supervisor@example.org');
  const before = (await pullAll(server.url, supervisor.accessToken, 'survey_responses')).length;
  const boardContext = await browser.newContext({ locale: 'en-CA' });
  const board = await boardContext.newPage();
  await board.goto(server.url);
  await new LoginPage(board).signIn('supervisor@example.org', DEMO_PASSWORD);
  await board.getByTestId('nav-reports').click();
  await expect(board.getByTestId('reports-page')).toBeVisible({ timeout: 60_000 });
  const responsesKpi = board.getByTestId('kpi-responses');
  await expect(responsesKpi).toHaveAttribute('data-value', String(before), { timeout: 120_000 });

  // An agent resolves a ticket of a caller outside the directory: the server e-mails the survey.
  const { accessToken } = await apiLogin(server.url, 'agent@example.org');
  const api = new ApiClient(server.url);
  const open = await api.createTicketIn(
    accessToken,
    makeTicket({
      status: 'in_progress',
      callerId: '',
      callerName: 'Casey',
      callerEmail: CUSTOMER,
      title: 'Laptop will not boot',
    }),
  );
  const resolved = { ...open, status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Replaced the disk.' };
  await push(server.url, accessToken, [{ assumedMasterState: open, newDocumentState: resolved }]);
  const mail = await smtp.waitFor(isSurveyMailTo(CUSTOMER));
  const link = surveyLinkIn(mail);

  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-CA',
  });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'How did we do?' })).toBeVisible();
  await expect(page.getByText(`About ticket ${open.number}`)).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Fits the phone: nothing to scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The language switch shows the same survey in French, and back.
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comment avons-nous fait?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Sending without the required question: the page says which question needs an answer.
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await expect(page.getByRole('alert')).toContainText('needs an answer');
  await expect(page.getByRole('heading', { name: 'Please check your answers' })).toBeVisible();

  await page
    .getByRole('group', { name: /How satisfied are you/ })
    .getByLabel('4 – Satisfied')
    .check();
  await page
    .getByRole('group', { name: /recommend the Service Desk/ })
    .getByLabel('9', { exact: true })
    .check();
  await page
    .getByRole('group', { name: /How easy was it/ })
    .getByLabel('6', { exact: true })
    .check();
  await page.getByLabel(/Anything we could do better/).fill('Quick and clear, thank you.');
  await page.getByRole('button', { name: 'Send my answers' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();

  // The supervisor's open dashboard counts it without a reload.
  await expect(responsesKpi).toHaveAttribute('data-value', String(before + 1), { timeout: 90_000 });

  // The response is on the server for supervisors.
  const responses = await pullAll<{ ticketId: string; channel: string; answers: unknown[] }>(
    server.url,
    supervisor.accessToken,
    'survey_responses',
  );
  const mine = responses.filter((r) => r.ticketId === open.id);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({
    channel: 'email',
    answers: [
      { questionId: 'q-csat', value: 4 },
      { questionId: 'q-nps', value: 9 },
      { questionId: 'q-ces', value: 6 },
      { questionId: 'q-comment', value: 'Quick and clear, thank you.' },
    ],
  });

  // Opening the link again: already answered.
  const again = await page.goto(link);
  expect(again?.status()).toBe(409);
  await expect(page.getByRole('heading', { level: 1, name: 'Survey already answered' })).toBeVisible();
  expect(
    (await pullAll<Ticket>(server.url, supervisor.accessToken, 'tickets')).filter((t) => t.parentId === open.id),
    'a good score opens no follow-up',
  ).toEqual([]);

  // A forged link and an expired one get their own clear pages.
  const forged = await page.goto(link.replace(/\/survey\/[^/?#]+/, '/survey/' + 'A'.repeat(43)));
  expect(forged?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Survey link not found' })).toBeVisible();

  // The throttle: the same customer's next resolved ticket within the period gets no second survey.
  const next = await api.createTicketIn(
    accessToken,
    makeTicket({ status: 'in_progress', callerId: '', callerName: 'Casey', callerEmail: CUSTOMER, title: 'Dock' }),
  );
  const nextResolved = { ...next, status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'New dock.' };
  await push(server.url, accessToken, [{ assumedMasterState: next, newDocumentState: nextResolved }]);
  // Its resolution e-mail is queued in the same transaction a survey would be, and sent before it would be.
  await smtp.waitFor((m) => m.to.includes(CUSTOMER) && m.subject.includes('Dock') && !m.text.includes('/survey/'));
  // The outbox, written in the resolving push's own transaction, holds the one survey and no second.
  const queued = await listQueuedMail(server.db, { to: CUSTOMER });
  expect(queued.filter((m) => m.kind === 'survey-invitation')).toHaveLength(1);
  expect(smtp.messages.filter(isSurveyMailTo(CUSTOMER))).toHaveLength(1);

  // Links expire: once past its expiry the first link says so.
  await server.db.query(`UPDATE survey_invitations SET expires_at = now() - interval '1 minute', used_at = NULL`);
  const expired = await page.goto(link);
  expect(expired?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: 'This survey link has expired' })).toBeVisible();
  await context.close();
  await boardContext.close();
});
