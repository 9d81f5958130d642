import { expect, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
import { SyncStatus } from './page-models/sync-status.js';
import { TicketPage } from './page-models/ticket-page.js';

test('suggested articles: link one, then resolve with it (resolution prefilled)', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({
    caller: 'Liam Wilson',
    category: /Password reset/,
    title: 'Password reset needed',
    description: 'Forgot my password',
  });
  await create.submit();
  const suggestion = page.getByTestId('suggested-article').first();
  await expect(suggestion).toBeVisible();
  const articleId = (await suggestion.getAttribute('data-article-id')) ?? '';
  await suggestion.getByTestId('article-link').click();
  const view = new TicketPage(page);
  await expect(view.timeline('article_link')).toHaveCount(1);
  const linked = page.locator(`[data-testid="linked-article"][data-article-id="${articleId}"]`);
  await expect(linked).toBeVisible();
  await linked.getByTestId('article-resolved-with').click();
  await page.getByTestId('action-assign-me').click();
  await view.choose('field-status', 'Resolved');
  await expect(view.field('field-resolution-notes')).toHaveValue(/KB/);
  await expect(view.field('field-resolution-code')).toHaveValue('Fixed');
});

test('any article is found and linked from inside the ticket, and unlinking it is in the history', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  const create = new CreateTicketPage(page);
  await create.open();
  await create.fill({
    caller: 'Liam Wilson',
    category: /VPN/,
    title: 'Badge reader at the door',
    description: 'Nothing happens',
  });
  await create.submit();
  // A search of the whole knowledge base, not only the suggestions: by words, accents and case ignored.
  await page.getByTestId('article-search').fill('PASSWORD');
  const found = page.getByTestId('suggested-article');
  await expect(found.first()).toBeVisible();
  const articleId = (await found.first().getAttribute('data-article-id')) ?? '';
  const title = (await found.first().locator('a').textContent()) ?? '';
  expect(title.toLowerCase()).toContain('password');
  await found.first().getByTestId('article-link').click();
  const linked = page.locator(`[data-testid="linked-article"][data-article-id="${articleId}"]`);
  await expect(linked).toBeVisible();
  await page.getByTestId('article-search').fill('zzqx unmatched words');
  await expect(page.getByText('No article matches these words.')).toBeVisible();

  await linked.getByTestId('article-unlink').click();
  await expect(linked).toHaveCount(0);
  const view = new TicketPage(page);
  const unlinked = view.timeline('article_link').filter({ hasText: 'Unlinked:' });
  await expect(unlinked).toHaveCount(1);
  await expect(unlinked).toContainText(title.split(' · ')[1] ?? title);

  // From the article's page, the ticket is linked back by its number; an unknown number is refused by name.
  await new SyncStatus(page).expectSettled();
  await expect(page.getByTestId('ticket-number')).toContainText(/INC\d{7}/);
  const number = ((await page.getByTestId('ticket-number').textContent()) ?? '').match(/INC\d{7}/)?.[0] ?? '';
  await unlinked.getByRole('link').click();
  await expect(page.getByTestId('kb-article')).toHaveAttribute('data-article-id', articleId);
  await page.getByTestId('kb-link-ticket-number').fill('INC9999999');
  await page.getByTestId('kb-link-ticket').click();
  await expect(page.getByRole('alert').filter({ hasText: 'INC9999999' })).toBeVisible();
  await page.getByTestId('kb-link-ticket-number').fill(` ${number.toLowerCase()} `);
  await page.getByTestId('kb-link-ticket').click();
  await expect(page.locator(`[data-testid="kb-ticket"][data-number="${number}"]`)).toBeVisible();
  await page.locator(`[data-testid="kb-ticket"][data-number="${number}"]`).getByRole('link').click();
  await expect(page.locator(`[data-testid="linked-article"][data-article-id="${articleId}"]`)).toBeVisible();
});

test('in French, « mot de passe » finds the password articles, titled and tagged in French', async ({ signIn }) => {
  const { page } = await signIn('agent@example.org');
  await page.getByTestId('language-switch').selectOption('fr');
  await page.getByTestId('nav-kb').click();
  await page.getByTestId('kb-search').fill('mot de passe');
  const first = page.getByTestId('kb-row').first();
  await expect(first).toContainText(/mot de passe/i);
  await expect(first.getByTestId('kb-row-tags')).toContainText('mot de passe');
  await expect(first.getByTestId('kb-row-tags')).not.toContainText('password');
  // The body reads as a real article in French: symptoms and steps.
  await first.getByRole('link').first().click();
  await expect(page.getByTestId('kb-body')).toContainText('Étapes');
  await expect(page.getByTestId('kb-body')).not.toContainText(/Étape \d|Suivant/);
});
