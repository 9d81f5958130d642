import type { CiHistoryEntry, ConfigItem } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';

type StoredCi = Omit<ConfigItem, 'deleted'> & { _deleted: boolean };

/** The seeded file server at the Ottawa head office, the site the technician's group (Field Services) serves. */
const FILE_SERVER = 'ci-srv-file-ott';

async function serverCi(serverUrl: string, id: string): Promise<StoredCi | undefined> {
  const admin = (await apiLogin(serverUrl, 'admin@example.org')).accessToken;
  return (await pullAll<StoredCi>(serverUrl, admin, 'config_items')).find((ci) => ci.id === id);
}

test('a technician offline looks up a CI of their site, changes its status, and it syncs with its history', async ({
  server,
  signIn,
}) => {
  test.setTimeout(180_000);
  const { page, context } = await signIn('tech@example.org');
  const sync = new SyncStatus(page);
  await page.getByTestId('nav-cmdb').click();
  const row = page.locator(`[data-testid="ci-row"][data-ci-id="${FILE_SERVER}"]`);
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  // Only the technician's sites and the services above them reached this device, not the Gatineau data centre.
  await expect(page.locator('[data-testid="ci-row"][data-ci-id="ci-srv-pay-db"]')).toHaveCount(0);
  expect(await seriousViolationsIn(page, '[data-testid="ci-list"]'), 'list').toEqual([]);

  await context.setOffline(true);
  await sync.expectOffline();
  // Looked up by serial number, accents and case aside.
  await page.getByTestId('ci-search').fill('mxq831');
  await expect(page.getByTestId('ci-row')).toHaveCount(1);
  await row.getByRole('link').click();
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', FILE_SERVER);
  // A technician changes the status, location and serial number of a CI at their site; not its name.
  await expect(page.getByTestId('ci-name-input')).toBeDisabled();
  await expect(page.getByTestId('ci-attr-model')).toBeDisabled();
  await page.getByTestId('ci-status-select').selectOption('under_maintenance');
  await page.getByTestId('ci-save').click();
  await expect(page.getByTestId('ci-page').getByTestId('ci-status-badge').first()).toHaveAttribute(
    'data-status',
    'under_maintenance',
  );
  // What depends on the server, from this device's data: the shared drives and the service above them.
  const downstream = page.getByTestId('impact-downstream');
  await expect(downstream.locator('[data-testid="impact-row"][data-ci-id="ci-app-files"]')).toHaveCount(1);
  await expect(downstream.locator('[data-testid="impact-row"][data-ci-id="ci-svc-files"]')).toHaveCount(1);
  expect((await serverCi(server.url, FILE_SERVER))?.status, 'not on the server while offline').toBe('in_service');

  await context.setOffline(false);
  await sync.expectSettled();
  await expect.poll(async () => (await serverCi(server.url, FILE_SERVER))?.status, { timeout: 30_000 }).toBe('under_maintenance');
  const stored = await serverCi(server.url, FILE_SERVER);
  expect(stored?.updatedBy).toBe('usr-tech');

  // The server recorded the change in the technician's name; the history comes back to the device, newest first.
  const admin = (await apiLogin(server.url, 'admin@example.org')).accessToken;
  const history = (await pullAll<CiHistoryEntry>(server.url, admin, 'ci_history')).filter((h) => h.ciId === FILE_SERVER);
  const change = history.find((h) => h.kind === 'updated');
  expect(change).toMatchObject({
    authorId: 'usr-tech',
    changes: [{ field: 'status', from: 'in_service', to: 'under_maintenance' }],
  });
  const entries = page.getByTestId('ci-history-entry');
  await expect(entries).toHaveCount(2, { timeout: 30_000 });
  await expect(entries.first()).toHaveAttribute('data-kind', 'updated');
  await expect(entries.first()).toContainText('Théo Tremblay');
  await expect(entries.first().getByTestId('ci-history-change')).toContainText('Under maintenance');
  expect(await seriousViolationsIn(page, '[data-testid="ci-page"]'), 'CI page').toEqual([]);
});

test('the impact of a seeded service chain: table and graph show the dependents, the depth control limits them', async ({
  signIn,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('nav-cmdb').click();
  await page.getByTestId('ci-search').fill('GAT-DB-01');
  await page.locator('[data-testid="ci-row"][data-ci-id="ci-srv-pay-db"]').getByRole('link').click();
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', 'ci-srv-pay-db');

  // Default depth 3: the database and the pay system run on it, the pay service depends on those; the service
  // desk group uses that service; the server stands in the Gatineau data centre.
  const downstream = page.getByTestId('impact-downstream');
  const rowOf = (id: string) => downstream.locator(`[data-testid="impact-row"][data-ci-id="${id}"]`);
  for (const id of ['ci-db-pay', 'ci-app-pay', 'ci-svc-pay']) await expect(rowOf(id)).toHaveCount(1);
  await expect(downstream.locator('[data-testid="impact-party"][data-party-id="grp-service-desk"]')).toContainText(
    'Service Desk',
  );
  await expect(downstream.getByTestId('impact-sites')).toContainText('Gatineau');
  await expect(
    page.getByTestId('impact-upstream').locator('[data-testid="impact-row"][data-ci-id="ci-site-gatineau"]'),
  ).toHaveCount(1);

  await page.getByTestId('impact-depth').getByText('1', { exact: true }).click();
  await expect(rowOf('ci-svc-pay')).toHaveCount(0);
  await expect(rowOf('ci-app-pay')).toHaveCount(1);
  await page.getByTestId('impact-depth').getByText('All', { exact: true }).click();
  await expect(rowOf('ci-svc-pay')).toHaveCount(1);
  expect(await seriousViolationsIn(page, '[data-testid="ci-impact"]'), 'impact table').toEqual([]);

  // The same result as a graph (loaded on first use), every CI a node; Enter on a node opens its CI.
  await page.getByTestId('impact-view').getByText('Graph', { exact: true }).click();
  const graph = page.getByTestId('impact-graph');
  for (const id of ['ci-srv-pay-db', 'ci-db-pay', 'ci-app-pay', 'ci-svc-pay', 'ci-site-gatineau'])
    await expect(graph.locator(`.react-flow__node[data-id="${id}"]`)).toBeVisible({ timeout: 30_000 });
  // Keyboard too: a node takes focus, Enter opens it.
  await graph.locator('.react-flow__node[data-id="ci-svc-pay"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ci-page')).toHaveAttribute('data-ci-id', 'ci-svc-pay');
  // The business service itself: nothing above it, but the service desk group uses it.
  await page.getByTestId('impact-view').getByText('Table', { exact: true }).click();
  await expect(page.getByTestId('impact-downstream').getByTestId('impact-party')).toContainText('Service Desk');
});
