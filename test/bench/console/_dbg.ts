import { chromium } from '@playwright/test';
import { startServer } from '../../../server/src/app.js';
const server = await startServer({ port: 0, dataDir: 'memory://', seedDemo: true, staticDir: 'dist/renderer', logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('[console]', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(server.url);
await page.getByTestId('login-email').fill('agent@example.org');
await page.getByTestId('login-password').fill('demo-pass-2026');
await page.getByTestId('login-submit').click();
await page.getByTestId('sync-status').waitFor();
await page.getByTestId('nav-tickets').click();
const t0 = Date.now();
for (let i = 0; i < 40; i++) {
  await new Promise((r) => setTimeout(r, 250));
  process.stdout.write(`${Date.now() - t0} `);
  console.log(await page.getByTestId('queue-count').textContent(), await page.getByTestId('sync-status').textContent());
}
await browser.close();
await server.close();
