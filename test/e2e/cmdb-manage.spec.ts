import { queueKeyFor } from '@shared';
import type { CiHistoryEntry, ConfigItem, Ticket } from '@shared';
import type { Page } from '@playwright/test';
import { apiLogin, expect, openTicketOfTechnician, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

// This file changes what the whole desk shares: it runs against a server of its own.
test.use({ serverFor: 'cmdb-manage' });

type StoredCi = Omit<ConfigItem, 'deleted'> & { _deleted: boolean };

/** The seeded file server at the Ottawa head office (OTT-FS-01). */
const FILE_SERVER = 'ci-srv-file-ott';
/** The seeded pay database server in Gatineau (GAT-DB-01). */
const PAY_SERVER = 'ci-srv-pay-db';
/** Markup typed as a name: it must be shown as text and never run. */
const HOSTILE_NAME = 'Field inventory <img src=x onerror=window.__pwned=1>';

async function serverCis(serverUrl: string): Promise<StoredCi[]> {
  const admin = (await apiLogin(serverUrl, 'admin@example.org')).accessToken;
  return pullAll<StoredCi>(serverUrl, admin, 'config_items');
}

/** Chooses the target CI of a new relationship with the CMDB search, by a word of its name or serial number. */
async function pickTarget(page: Page, search: string, id: string) {
  const picker = page.getByRole('combobox', { name: 'Configuration item', exact: true });
  await picker.click();
  await picker.fill(search);
  await page.locator(`[data-testid="ci-option"][data-ci-id="${id}"]`).click();
  await page.keyboard.press('Escape');
}

test('an admin creates a CI, links it to a server, is refused a duplicate edge, and the server holds both', async ({
  server,
  signIn,
}) => {
  test.setTimeout(180_000);
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-cmdb').click();
  await expect(page.locator('[data-testid="ci-row"]').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('ci-new-button').click();
  await expect(page.getByTestId('ci-new')).toBeVisible();

  // The class decides the attributes: a physical server asks for its serial number, an application does not.
  await page.getByTestId('ci-class-select').selectOption('server_physical');
  await expect(page.getByTestId('ci-attr-serialNumber')).toBeVisible();
  await page.getByTestId('ci-class-select').selectOption('application');
  await expect(page.getByTestId('ci-attr-serialNumber')).toHaveCount(0);
  expect(await seriousViolationsIn(page, '[data-testid="ci-new"]'), 'new-CI form').toEqual([]);

  // Only spaces for a name (the browser's own check passes them): the shared rule's translated message, nothing written.
  await page.getByTestId('ci-name-input').fill('   ');
  await page.getByTestId('ci-create').click();
  await expect(page.getByTestId('ci-new')).toContainText('A name is required.');

  await page.getByTestId('ci-name-input').fill(HOSTILE_NAME);
  await page.getByTestId('ci-criticality-select').selectOption('high');
  await page.getByTestId('ci-location-select').selectOption('ci-site-ottawa');
  await page.getByTestId('ci-attr-vendor').fill('Acme');
  await page.getByTestId('ci-attr-licenceCount').fill('25');
  await page.getByTestId('ci-create').click();

  // The new CI's page opens; its name is text, not markup.
  const ciPage = page.getByTestId('ci-page');
  await expect(ciPage).toBeVisible();
  const id = (await ciPage.getAttribute('data-ci-id')) ?? '';
  expect(id).not.toBe('');
  await expect(page.getByTestId('ci-title')).toHaveText(HOSTILE_NAME);
  await expect(page.getByTestId('ci-title').locator('img')).toHaveCount(0);
  await expect(page.getByTestId('ci-relations-empty')).toBeVisible();

  // Runs on the Ottawa file server: listed among its relationships and, upstream, as a likely cause.
  await page.getByTestId('ci-relation-type').selectOption('runs_on');
  await pickTarget(page, 'OTT-FS', FILE_SERVER);
  await page.getByTestId('ci-relation-add').click();
  const runsOn = page.locator(`[data-testid="ci-relation"][data-type="runs_on"][data-target-id="${FILE_SERVER}"]`);
  await expect(runsOn).toContainText('Runs on');
  await expect(runsOn).toContainText('OTT-FS-01');
  await expect(
    page.getByTestId('impact-upstream').locator(`[data-testid="impact-row"][data-ci-id="${FILE_SERVER}"]`),
  ).toHaveCount(1);

  // The same edge again is refused by the shared rule, with its translated message.
  await page.getByTestId('ci-relation-type').selectOption('runs_on');
  await pickTarget(page, 'MXQ831', FILE_SERVER);
  await page.getByTestId('ci-relation-add').click();
  await expect(page.getByTestId('ci-relation-violations')).toHaveText('This relationship already exists.');
  await expect(page.getByTestId('ci-relation')).toHaveCount(1);

  // A second edge, then removed: only the first stays.
  await page.getByTestId('ci-relation-type').selectOption('depends_on');
  await pickTarget(page, 'GAT-DB', PAY_SERVER);
  await page.getByTestId('ci-relation-add').click();
  const dependsOn = page.locator(`[data-testid="ci-relation"][data-type="depends_on"][data-target-id="${PAY_SERVER}"]`);
  await expect(dependsOn).toHaveCount(1);
  await expect(page.getByTestId('ci-relation-violations')).toHaveCount(0);
  expect(await seriousViolationsIn(page, '[data-testid="ci-relations"]'), 'relationships').toEqual([]);
  await dependsOn.getByTestId('ci-relation-remove').click();
  await expect(dependsOn).toHaveCount(0);
  await expect(page.getByTestId('ci-relation')).toHaveCount(1);

  // Seen from the file server: the new CI is downstream, what fails with it.
  await runsOn.getByRole('link').click();
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', FILE_SERVER);
  await expect(page.getByTestId('impact-downstream').locator(`[data-testid="impact-row"][data-ci-id="${id}"]`)).toContainText(
    HOSTILE_NAME,
  );
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The server holds the CI with its one edge, in the admin's name, and recorded its creation.
  await new SyncStatus(page).expectSettled();
  await expect
    .poll(async () => (await serverCis(server.url)).find((ci) => ci.id === id)?.relations, { timeout: 30_000 })
    .toEqual([{ type: 'runs_on', targetKind: 'ci', targetId: FILE_SERVER }]);
  const stored = (await serverCis(server.url)).find((ci) => ci.id === id);
  expect(stored).toMatchObject({
    name: HOSTILE_NAME,
    ciClass: 'application',
    criticality: 'high',
    locationId: 'ci-site-ottawa',
    attributes: { vendor: 'Acme', licenceCount: 25 },
    externalId: '',
    updatedBy: 'usr-admin',
    _deleted: false,
  });
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const history = (await pullAll<CiHistoryEntry>(server.url, admin, 'ci_history')).filter((h) => h.ciId === id);
  expect(history.find((h) => h.kind === 'created')).toMatchObject({ authorId: 'usr-admin' });
});

test('an agent sees the CMDB but is offered neither New CI nor relinking', async ({ signIn }) => {
  test.setTimeout(120_000);
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('nav-cmdb').click();
  await expect(page.locator('[data-testid="ci-row"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('ci-new-button')).toHaveCount(0);
  await page.getByTestId('ci-search').fill('OTT-FS-01');
  await page.locator(`[data-testid="ci-row"][data-ci-id="${FILE_SERVER}"]`).getByRole('link').click();
  await expect(page.getByTestId('ci-relations')).toBeVisible();
  await expect(page.getByTestId('ci-relation-add')).toHaveCount(0);
  await expect(page.getByTestId('ci-relation-remove')).toHaveCount(0);
});

test('an organisation uses a new application, shown on its page and in the impact; deleting it asks, counts and syncs', async ({
  server,
  signIn,
}) => {
  test.setTimeout(240_000);
  const { page } = await signIn('admin@example.org');
  await page.getByTestId('nav-cmdb').click();
  await expect(page.locator('[data-testid="ci-row"]').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('ci-new-button').click();
  await page.getByTestId('ci-class-select').selectOption('application');
  await page.getByTestId('ci-name-input').fill('Borne d’accueil');
  await page.getByTestId('ci-create').click();
  const ciPage = page.getByTestId('ci-page');
  await expect(ciPage).toBeVisible();
  const id = (await ciPage.getAttribute('data-ci-id')) ?? '';

  // Runs on the file server; used by an organisation named on the spot (spaces trimmed as the shared rule stores it).
  await page.getByTestId('ci-relation-type').selectOption('runs_on');
  await pickTarget(page, 'OTT-FS', FILE_SERVER);
  await page.getByTestId('ci-relation-add').click();
  await expect(page.getByTestId('ci-relation')).toHaveCount(1);
  await page.getByTestId('ci-relation-type').selectOption('used_by');
  await page.getByTestId('ci-relation-party').selectOption('org:');
  await page.getByTestId('ci-relation-organisation').fill('  Ville de   Gatineau ');
  await page.getByTestId('ci-relation-add').click();
  const usedBy = page.locator('[data-testid="ci-relation"][data-type="used_by"][data-target-kind="org"]');
  await expect(usedBy).toHaveAttribute('data-target-id', 'Ville de Gatineau');
  await expect(usedBy).toContainText('Ville de Gatineau (Organisation)');
  // The organisation is now offered for the next service.
  await page.getByTestId('ci-relation-type').selectOption('used_by');
  await expect(page.getByTestId('ci-relation-party').locator('option[value="org:Ville de Gatineau"]')).toHaveCount(1);

  // Who is affected when the file server fails: the organisation, through the application.
  await page.locator('[data-testid="ci-relation"][data-type="runs_on"]').getByRole('link').click();
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', FILE_SERVER);
  await expect(
    page.getByTestId('impact-downstream').locator('[data-testid="impact-party"][data-party-id="Ville de Gatineau"]'),
  ).toContainText('Borne d’accueil');
  await page.goBack();
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', id);

  // An open ticket names the CI (linked on the server once the CI is there).
  await new SyncStatus(page).expectSettled();
  await expect.poll(async () => (await serverCis(server.url)).some((ci) => ci.id === id), { timeout: 30_000 }).toBe(true);
  const ticket = await openTicketOfTechnician(server.url);
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const current = (await pullAll<Ticket & { _deleted: boolean }>(server.url, admin, 'tickets')).find((t) => t.id === ticket.id)!;
  const updatedAt = current.updatedAt + 1;
  const linked = { ...current, ciIds: [id], updatedAt, queueKey: queueKeyFor(updatedAt) };
  const res = await fetch(`${server.url}/api/sync/tickets/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify([{ assumedMasterState: current, newDocumentState: linked }]),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  await expect(page.getByTestId('ci-ticket')).toHaveCount(1, { timeout: 30_000 });

  // The dialog names the CI, its two relationships and the open ticket; Cancel keeps it.
  await page.getByTestId('ci-delete').click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Borne d’accueil”?' });
  await expect(dialog.getByTestId('ci-delete-relationships')).toHaveText(/^2 relationships are removed with it/);
  await expect(dialog.getByTestId('ci-delete-tickets')).toHaveText('1 open ticket names it and will keep showing its name.');
  expect(await seriousViolationsIn(page, '[data-testid="ci-delete-dialog"]'), 'delete dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('ci-delete').click();
  await page.getByTestId('ci-delete-confirm').click();

  // Back on the list, without it; the server holds the tombstone in the admin's name.
  await expect(page.getByTestId('ci-search')).toBeVisible();
  await page.getByTestId('ci-search').fill('Borne');
  await expect(page.locator(`[data-testid="ci-row"][data-ci-id="${id}"]`)).toHaveCount(0);
  await new SyncStatus(page).expectSettled();
  await expect
    .poll(async () => (await serverCis(server.url)).find((ci) => ci.id === id)?._deleted, { timeout: 30_000 })
    .toBe(true);
  expect((await serverCis(server.url)).find((ci) => ci.id === id)).toMatchObject({
    name: 'Borne d’accueil',
    updatedBy: 'usr-admin',
  });

  // The ticket keeps showing the CI's name, marked deleted.
  await new TicketPage(page).open(ticket.number);
  await expect(page.locator(`[data-testid="ticket-ci"][data-ci-id="${id}"]`)).toContainText('Borne d’accueil');
  await expect(page.locator(`[data-testid="ticket-ci"][data-ci-id="${id}"]`)).toContainText('Deleted from the CMDB');
  await expect(page.getByTestId('ticket-cis').locator('.mantine-Pill-label')).toHaveText(['Borne d’accueil']);
});
