import { apiLogin, expect, test } from './fixtures/desk-test.js';

test("the supervisor's reports show SLA compliance computed on the device, with each breach explained", async ({
  server,
  signIn,
}) => {
  test.setTimeout(300_000);
  const { accessToken } = await apiLogin(server.url, 'supervisor@example.org');
  const res = await fetch(`${server.url}/api/reports/sla`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(res.status).toBe(200);
  const fromServer = (await res.json()) as { breaches: { ticketId: string; clock: string }[] };
  // The seeded desk has old tickets past their targets.
  expect(fromServer.breaches.length).toBeGreaterThan(0);

  const { page } = await signIn('supervisor@example.org');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('reports-page')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('tab-sla').click();
  const section = page.getByTestId('sla-compliance');
  await expect(section).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('sla-kpi-breaches')).not.toHaveAttribute('data-value', '0', { timeout: 120_000 });
  // A breach the server lists is listed on the device too, with its explanation.
  const first = fromServer.breaches[0];
  const breach = page.locator(`[data-testid="sla-breach"][data-ticket="${first.ticketId}"][data-clock="${first.clock}"]`);
  await expect(breach).toBeVisible({ timeout: 120_000 });
  await expect(breach.getByTestId('sla-breach-explanation').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('table-slaByKey').or(page.getByTestId('chart-slaByKey'))).toBeVisible();
});
