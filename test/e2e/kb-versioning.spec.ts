import { countRatings, type KbArticle, type KbArticleVersion } from '@shared';
import type { Locator } from '@playwright/test';
import { apiLogin, expect, pullAll, test } from './fixtures/desk-test.js';
import { seriousViolationsIn } from './page-models/axe.js';
import { SyncStatus } from './page-models/sync-status.js';

test('article versioning: draft, publish v1, new draft, publish v2, history keeps v1 (offline too), retire leaves the search', async ({
  server,
  signIn,
}) => {
  test.setTimeout(300_000);
  const { page, context } = await signIn('agent@example.org');
  const sync = new SyncStatus(page);
  await page.getByTestId('nav-kb').click();
  await page.getByTestId('kb-new').click();
  const status = page.getByTestId('kb-article').getByTestId('kb-status');
  await expect(status).toHaveAttribute('data-status', 'draft');
  const articleId = (await page.getByTestId('kb-article').getAttribute('data-article-id')) ?? '';

  await page.getByTestId('kb-tab-edit').click();
  await page.getByTestId('kb-edit-title-en').fill('Renew the Zorblax token');
  await page.getByTestId('kb-edit-title-fr').fill('Renouveler le jeton Zorblax');
  await page.getByTestId('kb-edit-body-en').fill('# Steps\nOpen the portal.\nClick **Renew**.');
  await page.getByTestId('kb-edit-body-fr').fill('# Étapes\nOuvrez le portail.\nCliquez sur **Renouveler**.');
  await page.getByTestId('kb-edit-tags').fill('token, zorblax');
  expect(await seriousViolationsIn(page, '[data-testid="kb-article"]'), 'editor').toEqual([]);
  await page.getByTestId('kb-save').click();
  await expect(page.getByTestId('kb-body').locator('strong')).toHaveText('Renew');

  await page.getByTestId('kb-publish').click();
  await expect(status).toHaveAttribute('data-status', 'published');
  await expect(page.getByTestId('kb-tab-edit')).toHaveCount(0);

  await page.getByTestId('kb-new-draft').click();
  await expect(status).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('kb-meta')).toContainText('version 2');
  await page.getByTestId('kb-edit-body-en').fill('# Steps\nOpen the new self-service portal.\nClick **Renew**.\nSign in again.');
  await page
    .getByTestId('kb-edit-body-fr')
    .fill('# Étapes\nOuvrez le nouveau portail.\nCliquez sur **Renouveler**.\nReconnectez-vous.');
  await page.getByTestId('kb-save').click();
  await page.getByTestId('kb-publish').click();
  await expect(status).toHaveAttribute('data-status', 'published');
  await sync.expectSettled();

  // The history comes back from the server, which recorded each published version.
  await page.getByTestId('kb-tab-history').click();
  const rows = page.getByTestId('kb-version-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await expect(rows.nth(0)).toHaveAttribute('data-version', '2');
  await expect(rows.nth(1)).toHaveAttribute('data-version', '1');
  await expect(rows.nth(1)).toContainText('Avery Martin');
  expect(await seriousViolationsIn(page, '[data-testid="kb-history"]'), 'history').toEqual([]);

  // Versions synced before going offline stay readable offline.
  await context.setOffline(true);
  await sync.expectOffline();
  await page.getByTestId('nav-kb').click();
  await page.getByTestId('kb-search').fill('zorblax');
  await page.locator(`[data-testid="kb-row"][data-article-id="${articleId}"] a`).click();
  await page.getByTestId('kb-tab-history').click();
  await rows.nth(1).getByTestId('kb-version-open').click();
  const version = page.getByTestId('kb-version-view');
  await expect(version).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('kb-version-body')).toContainText('Open the portal.');
  await page.getByTestId('kb-version-mode').getByText('Compare with version 2').click();
  await expect(version.locator('[data-diff="removed"]')).toHaveText(['− Open the portal.']);
  await expect(version.locator('[data-diff="added"]')).toHaveText(['+ Open the new self-service portal.', '+ Sign in again.']);
  expect(await seriousViolationsIn(page, '[data-testid="kb-version-view"]'), 'version view').toEqual([]);

  // Rated offline, from the keyboard: the choice shows at once, filled (not only pressed), and syncs when back online.
  await page.getByTestId('kb-tab-article').click();
  const helpful = page.getByTestId('kb-rate-helpful');
  const notHelpful = page.getByTestId('kb-rate-not_helpful');
  const background = (button: Locator) => button.evaluate((el) => getComputedStyle(el).backgroundColor);
  const unselected = await background(helpful);
  await helpful.focus();
  await page.keyboard.press('Enter');
  await expect(helpful).toHaveAttribute('aria-pressed', 'true');
  await expect(notHelpful).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('kb-rating-counts')).toHaveText('1 found this helpful · 0 did not');
  expect(await background(helpful)).not.toBe(unselected);
  expect(await background(helpful)).not.toBe(await background(notHelpful));
  await page.setViewportSize({ width: 900, height: 720 });
  for (const el of [helpful, notHelpful, page.getByTestId('kb-rating-counts'), page.getByTestId('kb-review-by')]) {
    expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth), 'not clipped at 900 px').toBe(true);
  }
  expect(await seriousViolationsIn(page, '[data-testid="kb-article"]'), 'rating and review date').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await context.setOffline(false);
  await sync.expectOnline();

  await page.getByTestId('kb-retire').click();
  await expect(status).toHaveAttribute('data-status', 'retired');
  await expect(page.getByTestId('kb-actions')).toHaveCount(0);
  await sync.expectSettled();

  // Retired articles leave the search (and the ticket suggestions); asked for, they come back marked.
  await page.getByTestId('nav-kb').click();
  await page.getByTestId('kb-search').fill('zorblax');
  const row = page.locator(`[data-testid="kb-row"][data-article-id="${articleId}"]`);
  await expect(row).toHaveCount(0);
  await page.getByTestId('kb-show-retired').check();
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('kb-status')).toHaveAttribute('data-status', 'retired');

  // On the server: two version records, published by the agent; the technician receives them too.
  const tech = (await apiLogin(server.url, 'tech@example.org')).accessToken;
  const versions = (await pullAll<KbArticleVersion>(server.url, tech, 'kb_article_versions')).filter(
    (v) => v.articleId === articleId,
  );
  expect(versions.map((v) => [v.version, v.publishedBy]).sort()).toEqual([
    [1, 'usr-agent'],
    [2, 'usr-agent'],
  ]);
  expect(versions.find((v) => v.version === 1)?.body.en).toContain('Open the portal.');
  // The offline rating reached the server as the agent's own, without making the agent the article's rater twice.
  const [stored] = (await pullAll<KbArticle>(server.url, tech, 'kb_articles')).filter((a) => a.id === articleId);
  expect(countRatings(stored.ratings)).toEqual({ helpful: 1, notHelpful: 0 });
  expect(stored.ratings?.['usr-agent']?.value).toBe('helpful');
});
