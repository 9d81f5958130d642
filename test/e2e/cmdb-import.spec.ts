import type { ConfigItem } from '@shared';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';

// One server for this file (worker fixture), seeded with the demo data.

const HEADER = 'external_id,name,class,status,criticality,owner_group,location_external_id,serialNumber';
const RELATIONS = ['source_external_id,type,target_kind,target', 'E2E-SRV-1,hosted_at,ci,E2E-SITE-1'].join('\n');
const FIXED = [
  HEADER,
  'E2E-SITE-1,Annex,location_site,in_service,medium,grp-field,,',
  'E2E-SRV-1,<b>Print server</b>,server_physical,in_service,high,grp-network,E2E-SITE-1,SN-E2E-1',
  'E2E-WS-1,Kiosk,workstation,in_service,low,grp-field,E2E-SITE-1,SN-E2E-2',
].join('\n');
// Line 3: a class that does not exist; line 4: a workstation without its required serial number.
const BROKEN = [
  HEADER,
  'E2E-SITE-1,Annex,location_site,in_service,medium,grp-field,,',
  'E2E-SRV-1,<b>Print server</b>,mainframe,in_service,high,grp-network,E2E-SITE-1,SN-E2E-1',
  'E2E-WS-1,Kiosk,workstation,in_service,low,grp-field,E2E-SITE-1,',
].join('\n');

async function importedOnServer(serverUrl: string): Promise<string[]> {
  const { accessToken } = await apiLogin(serverUrl, 'admin@example.org');
  const docs = await pullAll<ConfigItem & { _deleted: boolean }>(serverUrl, accessToken, 'config_items');
  return docs
    .filter((d) => d.externalId.startsWith('E2E-') && !d._deleted)
    .map((d) => d.externalId)
    .sort();
}

test('a CSV with two bad rows reports both and imports nothing; after the fix it imports', async ({ signIn, server }) => {
  const { page } = await signIn('admin@example.org');
  await page.goto(page.url().replace(/#.*$/, '#/cmdb/import'));
  await expect(page.getByTestId('cmdb-import-page')).toBeVisible();

  await page.getByTestId('cmdb-import-text-cis').fill(BROKEN);
  await page.getByTestId('cmdb-import-text-relations').fill(RELATIONS);
  await page.getByTestId('cmdb-import-dry-run').click();
  const report = page.getByTestId('cmdb-import-report');
  await expect(report).toHaveAttribute('data-valid', 'false');
  const bad = page.getByTestId('cmdb-import-violation');
  await expect(bad).toHaveCount(3);
  await expect(page.locator('[data-testid="cmdb-import-violation"][data-line="3"][data-code="ci_class_unknown"]')).toContainText(
    '“mainframe” is not a CI class.',
  );
  await expect(
    page.locator('[data-testid="cmdb-import-violation"][data-line="4"][data-code="ci_attribute_required"]'),
  ).toContainText('serialNumber is required for this class.');
  // The relationship names the server of the bad line 3: refused with it, so nothing dangles.
  await expect(page.locator('[data-testid="cmdb-import-violation"][data-code="csv_reference_row_invalid"]')).toHaveCount(1);

  // Importing anyway writes nothing and says so, with the same report.
  await page.getByTestId('cmdb-import-run').click();
  await expect(page.getByTestId('cmdb-import-refused')).toContainText('Nothing was imported');
  await expect(page.locator('[data-testid="cmdb-import-violation"][data-line="3"]')).toHaveCount(1);
  expect(await importedOnServer(server.url)).toEqual([]);

  // The reasons follow the language.
  await page.getByTestId('language-switch').selectOption('fr');
  await expect(page.locator('[data-testid="cmdb-import-violation"][data-line="3"]')).toContainText(
    '« mainframe » n’est pas une classe d’éléments de configuration.',
  );
  await page.getByTestId('language-switch').selectOption('en');

  // Fixed: the dry run is clean, the import writes the three CIs, hostile text as text.
  await page.getByTestId('cmdb-import-text-cis').fill(FIXED);
  await page.getByTestId('cmdb-import-dry-run').click();
  await expect(report).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('cmdb-import-counts')).toContainText('create 3');
  await page.getByTestId('cmdb-import-run').click();
  await expect(page.getByTestId('cmdb-import-done')).toContainText('3 created');
  await expect(report).toHaveAttribute('data-written', 'true');
  expect(await importedOnServer(server.url)).toEqual(['E2E-SITE-1', 'E2E-SRV-1', 'E2E-WS-1']);
  await expect(page.locator('b', { hasText: 'Print server' })).toHaveCount(0);
});

test('a technician cannot import', async ({ signIn }) => {
  const { page } = await signIn('tech@example.org');
  await page.goto(page.url().replace(/#.*$/, '#/cmdb/import'));
  await expect(page.getByTestId('cmdb-import-forbidden')).toBeVisible();
  await expect(page.getByTestId('cmdb-import-dry-run')).toHaveCount(0);
});
