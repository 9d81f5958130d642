import AxeBuilder from '@axe-core/playwright';
import type { Ticket } from '@shared';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { surveyLinkIn } from '../../server/src/test-support/surveys.js';
import { apiLogin, pullAll } from './fixtures/desk-test.js';
import { expect, test } from './fixtures/survey-server.js';

const CUSTOMER = 'casey.customer@example.net';

async function push(serverUrl: string, token: string, rows: object[]): Promise<void> {
  const res = await fetch(`${serverUrl}/api/sync/tickets/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(rows),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

test('a customer answers the e-mailed survey on a phone, once', async ({ browser, mailingServer, smtp }) => {
  // An agent resolves a ticket of a caller outside the directory: the server e-mails the survey.
  const { accessToken } = await apiLogin(mailingServer.url, 'agent@example.org');
  const open = makeTicket({
    status: 'in_progress',
    callerId: '',
    callerName: 'Casey',
    callerEmail: CUSTOMER,
    title: 'Laptop will not boot',
  });
  await push(mailingServer.url, accessToken, [{ newDocumentState: open }]);
  const resolved = { ...open, status: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Replaced the disk.' };
  await push(mailingServer.url, accessToken, [{ assumedMasterState: open, newDocumentState: resolved }]);
  const mail = await smtp.waitFor((m) => m.to.includes(CUSTOMER));
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

  // The response is on the server for supervisors.
  const supervisor = await apiLogin(mailingServer.url, 'supervisor@example.org');
  const responses = await pullAll<{ ticketId: string; channel: string; answers: unknown[] }>(
    mailingServer.url,
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
    (await pullAll<Ticket>(mailingServer.url, supervisor.accessToken, 'tickets')).filter((t) => t.parentId === open.id),
    'a good score opens no follow-up',
  ).toEqual([]);
  await context.close();
});
