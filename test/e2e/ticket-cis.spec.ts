import type { ConfigItem, Ticket } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { TicketPage } from './page-models/ticket-page.js';

type Stored<T> = T & { _deleted: boolean };

/** The seeded pay database server at the Gatineau data centre: the pay system and the critical pay service run on it. */
const PAY_SERVER = 'ci-srv-pay-db';
const PAY_SERVICE = 'ci-svc-pay';
const FILE_SERVER = 'ci-srv-file-ott';
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_CI = 'ci-e2e-hostile-ws';

/** A workstation whose name is markup, created as a configuration manager would (the admin pushes it). */
async function pushHostileCi(serverUrl: string): Promise<void> {
  const { accessToken, user } = await apiLogin(serverUrl, 'admin@example.org');
  const ci: Stored<Omit<ConfigItem, 'deleted'>> = {
    id: HOSTILE_CI,
    name: HOSTILE,
    ciClass: 'workstation',
    status: 'in_service',
    ownerGroupId: 'grp-network',
    locationId: 'ci-site-gatineau',
    criticality: 'low',
    attributes: { serialNumber: 'HOSTILE-E2E-1' },
    relations: [],
    externalId: '',
    updatedAt: Date.now(),
    updatedBy: user.id,
    _deleted: false,
  };
  const res = await fetch(`${serverUrl}/api/sync/config_items/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify([{ newDocumentState: ci }]),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.json()).toEqual([]);
}

test('an agent links a CI on a new incident, takes the suggested impact, and finds the ticket by CI and service', async ({
  server,
  signIn,
}) => {
  test.setTimeout(180_000);
  await pushHostileCi(server.url);
  const { page } = await signIn('agent@example.org');
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  const title = `Pay server down ${Date.now()}`;
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({ caller: 'Noah Campbell', category: /Password reset/, title, description: 'GAT-DB-01 does not answer' });
  await expect(page.getByTestId('create-affected-item')).toBeVisible();

  // Found by part of its serial number, case aside; then the hostile workstation by its serial.
  const picker = page.getByRole('combobox', { name: 'Affected configuration items', exact: true });
  await picker.click();
  await picker.fill('cz2041');
  await page.locator(`[data-testid="ci-option"][data-ci-id="${PAY_SERVER}"]`).click();
  await picker.fill('hostile-e2e');
  await page.locator(`[data-testid="ci-option"][data-ci-id="${HOSTILE_CI}"]`).click();
  await page.keyboard.press('Escape');
  // Linking a CI replaces the free text.
  await expect(page.getByTestId('create-affected-item')).toHaveCount(0);

  // What the server takes down: the pay system's critical service, the group that uses it, the data centre.
  const summary = page.getByTestId('ci-impact-summary');
  await expect(summary.locator(`[data-testid="ci-impact-service"][data-ci-id="${PAY_SERVICE}"]`)).toHaveCount(1);
  await expect(summary.locator('[data-testid="ci-impact-service"][data-ci-id="ci-app-pay"]')).toHaveCount(1);
  await expect(summary.locator('[data-testid="ci-impact-party"][data-party-id="grp-service-desk"]')).toContainText(
    'Service Desk',
  );
  await expect(summary.getByTestId('ci-impact-sites')).toContainText('Data centre, Gatineau');
  const suggestion = summary.getByTestId('ci-impact-suggestion');
  await expect(suggestion).toHaveAttribute('data-impact', '1');
  await expect(suggestion).toContainText('A critical service is affected.');
  // The suggestion never changes the impact by itself: the agent's choice stays until they take it.
  await expect(page.getByTestId('create-impact')).toHaveValue('3 – Low');
  await summary.getByTestId('ci-impact-accept').click();
  await expect(page.getByTestId('create-impact')).toHaveValue('1 – High');
  await expect(summary.getByTestId('ci-impact-suggestion-matches')).toBeVisible();
  const ticketId = await create.submit();

  // The ticket page: each CI's key facts, hostile names as text, and no free-text field any more.
  const facts = page.getByTestId('ticket-ci-facts');
  const payRow = facts.locator(`[data-testid="ticket-ci"][data-ci-id="${PAY_SERVER}"]`);
  await expect(payRow).toContainText('GAT-DB-01');
  await expect(payRow.getByTestId('ticket-ci-class')).toHaveText('Physical server');
  await expect(payRow.getByTestId('ticket-ci-location')).toContainText('Data centre, Gatineau');
  await expect(payRow.locator('[data-criticality="critical"]')).toHaveCount(1);
  await expect(payRow.getByTestId('ci-status-badge')).toHaveAttribute('data-status', 'in_service');
  await expect(facts.locator(`[data-testid="ticket-ci"][data-ci-id="${HOSTILE_CI}"]`)).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('field-affected-item')).toHaveCount(0);
  await expect(page.getByTestId('field-impact')).toHaveValue('1 – High');

  // Another CI linked on the ticket page, saved with the ticket's other edits.
  const onTicket = page.getByRole('combobox', { name: 'Affected configuration items', exact: true });
  await onTicket.click();
  await onTicket.fill('ott-fs');
  await page.locator(`[data-testid="ci-option"][data-ci-id="${FILE_SERVER}"]`).click();
  await page.keyboard.press('Escape');
  await new TicketPage(page).save();
  await expect(facts.locator(`[data-testid="ticket-ci"][data-ci-id="${FILE_SERVER}"]`)).toContainText('OTT-FS-01');

  // The server accepted the CIs (it checks they exist).
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  await expect
    .poll(async () => (await pullAll<Stored<Ticket>>(server.url, admin, 'tickets')).find((t) => t.id === ticketId)?.ciIds, {
      timeout: 30_000,
    })
    .toEqual([PAY_SERVER, HOSTILE_CI, FILE_SERVER]);

  // The CI page lists the ticket among its open tickets.
  await payRow.getByRole('link', { name: 'GAT-DB-01' }).click();
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', PAY_SERVER);
  await expect(page.getByTestId('ci-ticket').filter({ hasText: title })).toHaveCount(1);

  // The queue filtered by the service the server supports (found with its French name, accents aside) lists it.
  await page.getByTestId('nav-tickets').click();
  const service = page.getByRole('combobox', { name: 'Service', exact: true });
  await service.click();
  await service.fill('remuneration');
  await page.locator(`[data-testid="ci-option"][data-ci-id="${PAY_SERVICE}"]`).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/svc=ci-svc-pay/);
  await expect(page.getByTestId('queue-count')).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('ticket-row').filter({ hasText: title })).toHaveCount(1);
  const listed = Number(await page.getByTestId('queue-count').getAttribute('data-count'));
  // Kept in the address: a reload shows the same filtered queue.
  await page.reload();
  await expect(page.getByTestId('ticket-row').filter({ hasText: title })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('queue-count')).toHaveAttribute('data-count', String(listed));

  // By CI: the hostile workstation's tickets are this one only.
  const ci = page.getByRole('combobox', { name: 'Configuration item', exact: true });
  await ci.click();
  await ci.fill('hostile-e2e');
  await page.locator(`[data-testid="ci-option"][data-ci-id="${HOSTILE_CI}"]`).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/ci=ci-e2e-hostile-ws/);
  await expect(page.getByTestId('queue-count')).toHaveAttribute('data-count', '1');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
