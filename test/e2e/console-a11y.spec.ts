import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/desk-test.js';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the queue, ticket, create and knowledge base screens have no serious or critical accessibility violations', async ({
  signIn,
}) => {
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('nav-tickets').click();
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  expect(await seriousViolations(page), 'queue').toEqual([]);

  await page.getByTestId('ticket-row').first().click();
  await expect(page.getByTestId('ticket-detail')).toBeVisible();
  expect(await seriousViolations(page), 'ticket').toEqual([]);

  await page.goto(page.url().replace(/#.*$/, '#/tickets/new'));
  await expect(page.getByTestId('create-ticket')).toBeVisible();
  expect(await seriousViolations(page), 'create').toEqual([]);

  await page.getByTestId('nav-kb').click();
  await expect(page.getByTestId('kb-search')).toBeVisible();
  expect(await seriousViolations(page), 'kb').toEqual([]);
});

// Its own test: six axe scans in one would pass the test's time budget on a busy 2-core machine.
test('the configuration item list and page have no serious or critical accessibility violations', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('nav-cmdb').click();
  await expect(page.getByTestId('ci-row').first()).toBeVisible();
  expect(await seriousViolations(page), 'cmdb list').toEqual([]);

  await page.getByTestId('ci-row').first().getByRole('link').click();
  await expect(page.getByTestId('ci-page')).toBeVisible();
  expect(await seriousViolations(page), 'cmdb item').toEqual([]);
});
