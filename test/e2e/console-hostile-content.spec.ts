import { DEMO_PASSWORD, expect, test } from './fixtures/desk-test.js';
import { LoginPage } from './page-models/login-page.js';

// Links an attacker can write in an article; the scheme is hidden behind HTML entities or split by a tab.
const HOSTILE_BODY = [
  '[colon](javascript&#58;window.__pwned=1)',
  '[named](javascript&colon;window.__pwned=2)',
  '[letter](&#106;avascript:window.__pwned=3)',
  '[tab](jav&#x09;ascript:window.__pwned=4)',
  '<img src=x onerror="window.__pwned=5">',
  '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[safe](https://example.org/help)',
].join('\n\n');

test('the console runs under its CSP with no violation, and an article with encoded javascript: links has no live script', async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: 'en-CA' });
  // Record every CSP violation from the first script on.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  const response = await page.goto(server.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await new LoginPage(page).signIn('agent@example.org', DEMO_PASSWORD);

  await page.getByTestId('nav-kb').click();
  await page.getByTestId('kb-new').click();
  await page.getByTestId('kb-tab-edit').click();
  await page.getByTestId('kb-edit-title-en').fill('Hostile links');
  await page.getByTestId('kb-edit-title-fr').fill('Liens hostiles');
  await page.getByTestId('kb-edit-body-en').fill(HOSTILE_BODY);
  await page.getByTestId('kb-edit-body-fr').fill(HOSTILE_BODY);
  await page.getByTestId('kb-save').click();

  const body = page.getByTestId('kb-body');
  await expect(body.locator('a[href="https://example.org/help"]')).toHaveCount(1);
  // The browser's own view of every link and image, entities decoded: nothing but web links survive.
  const targets = await body.evaluate((el) => [
    ...[...el.querySelectorAll('a')].map((a) => a.href),
    ...[...el.querySelectorAll('img')].map((i) => i.src),
    ...[...el.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
  ]);
  // A link or image whose target was unsafe keeps its text but loses the attribute ('').
  for (const target of targets.filter((t) => t !== '')) expect(target).toMatch(/^(https?:|mailto:)/);
  for (const link of await body.locator('a').all()) await link.click({ modifiers: ['Alt'] }).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(refused).toEqual([]);
  await context.close();
});
