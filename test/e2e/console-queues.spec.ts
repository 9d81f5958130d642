import { expect, test } from './fixtures/desk-test.js';

test('named queues filter the list, and bulk assign reassigns the selected tickets', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-unassigned').click();
  await expect(page).toHaveURL(/queue=unassigned/);
  const rows = page.getByTestId('ticket-row');
  await expect(rows.first()).toBeVisible();
  const numbers = [await rows.nth(0).getAttribute('data-number'), await rows.nth(1).getAttribute('data-number')];
  await rows.nth(0).getByTestId('bulk-select').check();
  await rows.nth(1).getByTestId('bulk-select').check();
  await expect(page.getByTestId('bulk-count')).toContainText('2');
  await page.getByTestId('bulk-assignee').click();
  await page.getByRole('option', { name: 'Liam Wilson' }).click();
  await page.getByTestId('bulk-apply').click();
  for (const n of numbers) await expect(page.locator(`[data-testid="ticket-row"][data-number="${n}"]`)).toHaveCount(0);

  // A queue click and typing in one moment, before the page renders again: both must stick.
  await page.evaluate((text) => {
    document.querySelector<HTMLElement>('[data-testid="queue-all"]')?.click();
    const search = document.querySelector<HTMLInputElement>('input[data-testid="queue-search"]');
    if (!search) throw new Error('no search field');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(search, text);
    search.dispatchEvent(new Event('input', { bubbles: true }));
  }, numbers[0] ?? '');
  await expect(page.getByTestId('queue-search')).toHaveValue(numbers[0] ?? '');
  await expect(page).not.toHaveURL(/queue=unassigned/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Liam Wilson');
});

test('the command palette jumps to a ticket by number', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('nav-tickets').click();
  const number = (await page.getByTestId('ticket-row').nth(3).getAttribute('data-number')) ?? '';
  await page.locator('body').press('Control+k');
  await page.getByTestId('palette-search').fill(number);
  await page.locator(`[data-testid="palette-ticket"][data-number="${number}"]`).click();
  await expect(page.getByTestId('ticket-detail')).toBeVisible();
  await expect(page.getByTestId('ticket-number')).toContainText(number);
});
