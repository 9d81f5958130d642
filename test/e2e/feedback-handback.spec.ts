import type { Locator, Page } from '@playwright/test';
import type { Ticket, TicketEvent } from '@shared';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { DEMO_PASSWORD, apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

// Resolved tickets and a declared major incident change what every device sees: a server of this file's own.
test.use({ serverFor: 'feedback-handback' });

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A ticket of the technician's, already resolved, so the on-site feedback can be collected. */
async function resolvedTicketOfTechnician(serverUrl: string, title: string): Promise<Ticket> {
  const { accessToken, user } = await apiLogin(serverUrl, 'tech@example.org');
  return new ApiClient(serverUrl).createTicketIn(
    accessToken,
    makeTicket({
      title,
      groupId: user.groupIds[0] ?? '',
      assigneeId: user.id,
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Replaced the toner on site.',
      updatedAt: Date.now(),
    }),
  );
}

/** Nothing inside is cut short: its content fits its box. */
async function fits(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 0);
}

async function answerSurvey(page: Page): Promise<void> {
  await page.getByTestId('answer-q-csat-5').click();
  await page.getByTestId('answer-q-nps-9').click();
  await page.getByTestId('answer-q-ces-6').click();
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-thanks')).toBeVisible();
}

/** "I am the technician": a wrong password is refused on the customer's screen, the right one opens the ticket. */
async function handBack(page: Page): Promise<void> {
  await page.getByTestId('feedback-handed-back').click();
  await page.getByTestId('handback-password').fill('not-my-password');
  await page.getByTestId('handback-submit').click();
  await expect(page.getByTestId('handback-wrong')).toHaveText('Wrong password. 4 tries left before you are signed out.');
  await expect(page.getByTestId('ticket-detail')).toHaveCount(0);
  await page.getByTestId('handback-password').fill(DEMO_PASSWORD);
  await page.getByTestId('handback-submit').click();
  await expect(page.getByTestId('ticket-detail')).toBeVisible();
}

test('on-site feedback: the chosen score is filled, "Français" fits, and only the password hands the device back, online and offline', async ({
  server,
  signIn,
}) => {
  const online = await resolvedTicketOfTechnician(server.url, 'Toner replaced (online hand-back)');
  const offline = await resolvedTicketOfTechnician(server.url, 'Toner replaced (offline hand-back)');
  const { page, context } = await signIn('tech@example.org');
  await page.setViewportSize({ width: 1280, height: 720 });
  const view = new TicketPage(page);
  await view.open(online.number);

  // The first hand-over on this device: the technician's password, checked by the server, leaves a verifier.
  await page.getByTestId('action-feedback').click();
  await page.getByTestId('handover-password').fill('wrong-password');
  await page.getByTestId('handover-submit').click();
  await expect(page.getByTestId('handover-wrong')).toBeVisible();
  await page.getByTestId('handover-password').fill(DEMO_PASSWORD);
  await page.getByTestId('handover-submit').click();
  const feedback = page.getByTestId('feedback-page');
  await expect(feedback).toHaveAttribute('data-locked', 'true');
  await expect(page.getByTestId('question-q-csat')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).join(' '))).not.toContain(DEMO_PASSWORD);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(DEMO_PASSWORD);
  // Nothing on the customer's screen leads back to the console.
  await expect(feedback.locator('a[href]')).toHaveCount(0);
  await expect(page.getByTestId('nav-tickets')).toHaveCount(0);

  // The control clips what overflows it, so "Français" must fit both its own label and the control around it.
  const control = page.getByTestId('feedback-language');
  const french = control.locator('label', { hasText: 'Français' });
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 720 });
    expect(await fits(control), `the language switch at ${width} px`).toBe(true);
    expect(await fits(french), `Français at ${width} px`).toBe(true);
  }
  // Back to the desk's width: below 992 px the navigation folds behind its button.
  await page.setViewportSize({ width: 1280, height: 720 });

  const chosen = page.getByTestId('answer-q-csat-5');
  await chosen.click();
  const background = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(chosen).toHaveAttribute('data-selected', 'true');
  expect(await background(chosen)).not.toBe(await background(page.getByTestId('answer-q-csat-4')));
  expect(await seriousViolationsIn(page, '[data-testid="question-q-csat"]'), 'a chosen score').toEqual([]);
  await answerSurvey(page);

  // The browser's Back does not leave the customer's screen.
  await page.goBack();
  await expect(page.getByTestId('feedback-thanks')).toBeVisible();
  await expect(page.getByTestId('ticket-detail')).toHaveCount(0);
  await page.getByTestId('feedback-handed-back').click();
  expect(await seriousViolationsIn(page, '[data-testid="handback-check"]'), 'the hand-back check').toEqual([]);
  await page.getByTestId('handback-dismiss').click();
  await expect(page.getByTestId('feedback-thanks')).toBeVisible();
  await handBack(page);

  // Offline: the verifier on the device judges the password.
  await context.setOffline(true);
  await new SyncStatus(page).expectOffline();
  await view.open(offline.number);
  await page.getByTestId('action-feedback').click();
  await expect(feedback).toHaveAttribute('data-locked', 'true');
  await answerSurvey(page);
  await handBack(page);
});

test('five wrong passwords sign the technician out', async ({ server, signIn }) => {
  const ticket = await resolvedTicketOfTechnician(server.url, 'Docking station swapped');
  const { page } = await signIn('tech@example.org');
  await new TicketPage(page).open(ticket.number);
  await page.getByTestId('action-feedback').click();
  await page.getByTestId('handover-password').fill(DEMO_PASSWORD);
  await page.getByTestId('handover-submit').click();
  // Cancelling the form is the technician's too, once the customer holds the device.
  await page.getByTestId('feedback-cancel').click();
  for (let left = 4; left >= 1; left -= 1) {
    await page.getByTestId('handback-password').fill(`guess-${left}`);
    await page.getByTestId('handback-submit').click();
    await expect(page.getByTestId('handback-wrong')).toContainText(left === 1 ? '1 try left' : `${left} tries left`);
  }
  await page.getByTestId('handback-password').fill('guess-0');
  await page.getByTestId('handback-submit').click();
  await expect(page.getByTestId('login-email')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('handback')))).toEqual([]);
});

test('declaring a major incident asks for a reason, raises the priority and records the reason as text', async ({
  server,
  signIn,
}) => {
  const { accessToken } = await apiLogin(server.url, 'agent@example.org');
  const ticket = await new ApiClient(server.url).createTicketIn(
    accessToken,
    makeTicket({
      groupId: 'grp-service-desk',
      status: 'in_progress',
      assigneeId: 'usr-agent',
      impact: 3,
      urgency: 3,
      priority: 5,
      title: 'VPN drops for the Quebec office',
      updatedAt: Date.now(),
    }),
  );
  const { page } = await signIn('agent@example.org');
  page.on('dialog', (d) => {
    throw new Error(`A script ran from the reason: ${d.message()}`);
  });
  const view = new TicketPage(page);
  await view.open(ticket.number);
  await expect(view.field('field-priority')).toHaveValue('5 – Planning');

  await page.getByTestId('action-major').click();
  const dialog = page.getByTestId('major-declare-dialog');
  await page.getByTestId('major-declare-submit').click();
  await expect(dialog).toContainText('Give the reason for declaring a major incident.');
  await expect(page.getByTestId('badge-major')).toHaveCount(0);
  await expect(page.getByTestId('major-declare-priority')).toBeChecked();
  expect(await seriousViolationsIn(page, '[data-testid="major-declare-dialog"]'), 'the declaration').toEqual([]);
  await page.getByTestId('major-declare-reason').fill(`Whole office offline ${HOSTILE}`);
  await page.getByTestId('major-declare-submit').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('badge-major')).toBeVisible();
  await expect(view.field('field-priority')).toHaveValue('1 – Critical');
  const entry = view.timeline('escalation').filter({ hasText: 'Whole office offline' });
  await expect(entry).toContainText(`Whole office offline ${HOSTILE}`);
  await expect(page.locator('[data-testid="timeline-entry"] img')).toHaveCount(0);

  await new SyncStatus(page).expectSettled();
  const supervisor = (await apiLogin(server.url, 'supervisor@example.org')).accessToken;
  const stored = (await pullAll<Ticket>(server.url, supervisor, 'tickets')).find((t) => t.id === ticket.id);
  expect(stored).toMatchObject({ major: true, priority: 1, impact: 1, urgency: 1 });
  const events = await pullAll<TicketEvent>(server.url, supervisor, 'ticket_events');
  expect(events.filter((e) => e.ticketId === ticket.id && e.toValue === 'major').map((e) => e.body)).toEqual([
    `Whole office offline ${HOSTILE}`,
  ]);
});
