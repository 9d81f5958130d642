import { expect, test } from './fixtures/desk-test.js';
import { CreateTicketPage } from './page-models/create-ticket-page.js';
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
  await suggestion.getByTestId('article-link').click();
  const view = new TicketPage(page);
  await expect(view.timeline('article_link')).toHaveCount(1);
  await suggestion.getByTestId('article-resolved-with').click();
  await page.getByTestId('action-assign-me').click();
  await view.choose('field-status', 'Resolved');
  await expect(view.field('field-resolution-notes')).toHaveValue(/KB/);
  await expect(view.field('field-resolution-code')).toHaveValue('Fixed');
});
