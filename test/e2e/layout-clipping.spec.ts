import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/desk-test.js';

/**
 * No label is cut off: every badge, button, tab, segmented control and table cell whose text is wider than its box
 * is a word a person cannot read ("IN PROGR…", "1 – CRITIQ…"). Checked at 1280×720 and at 900 px, in both languages.
 */
const CONTROLS = [
  '.mantine-Badge-root',
  '.mantine-Badge-label',
  '.mantine-Button-root',
  '.mantine-Button-label',
  '[role="tab"]',
  '.mantine-SegmentedControl-label',
  '.mantine-NavLink-label',
].join(',');

async function clipped(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !el.offsetParent) continue;
      const text = (el.textContent ?? '').trim();
      if (!text) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${text} (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return [...new Set(out)];
  }, CONTROLS);
}

/** The console routes by the hash: the page (and its signed-in state) stays. */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    window.location.hash = `#${r}`;
  }, route);
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 900, height: 720 },
];

for (const lang of ['en', 'fr'] as const) {
  test(`nothing is clipped on the queue, a ticket and the reports, in ${lang === 'en' ? 'English' : 'French'}`, async ({
    signIn,
  }) => {
    const { page } = await signIn('supervisor@example.org');
    await page.getByTestId('language-switch').selectOption(lang);
    const problems: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await go(page, '/tickets');
      await expect(page.getByTestId('ticket-row').first()).toBeVisible({ timeout: 60_000 });
      problems.push(...(await clipped(page)).map((p) => `${size.width} queue: ${p}`));
      // At 900 px the navigation folds behind its button, and a row's number, title, status and priority stay in view.
      const folded = size.width <= 900;
      await expect(page.getByTestId('nav-toggle')).toBeVisible({ visible: folded });
      const nav = await page.getByTestId('nav-tickets').boundingBox();
      expect(nav !== null && nav.x + nav.width > 0, `the navigation at ${size.width} px`).toBe(!folded);
      const row = page.getByTestId('ticket-row').first();
      const cells = await row.locator('td').evaluateAll((tds) => tds.slice(0, 4).map((td) => td.getBoundingClientRect().right));
      for (const right of cells) expect(right, `a queue column at ${size.width} px`).toBeLessThanOrEqual(size.width);
      await page.getByTestId('ticket-row').first().click();
      await expect(page.getByTestId('ticket-detail')).toBeVisible();
      problems.push(...(await clipped(page)).map((p) => `${size.width} ticket: ${p}`));
      await go(page, '/reports');
      await expect(page.getByTestId('kpi-responses')).toBeVisible({ timeout: 60_000 });
      problems.push(...(await clipped(page)).map((p) => `${size.width} reports: ${p}`));
      await page.getByTestId('tab-problems').click();
      await expect(page.getByTestId('problem-kpi-problems')).toBeVisible();
      problems.push(...(await clipped(page)).map((p) => `${size.width} problem reports: ${p}`));
    }
    expect(problems).toEqual([]);
  });
}
