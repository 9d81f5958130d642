import { defineConfig } from '@playwright/test';
import { chromiumPath } from './test/support/chromium-path.js';

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results/playwright-artifacts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two spec files at a time, each worker with its own server (fixtures/desk-test.ts): most of a test is waiting on
  // sync, mail and the server, so two fit on a 2-core machine. Tests within a file still run in order.
  workers: 2,
  // One retry in CI only, where a timing-dependent failure must not hide every other result; a test that passes on
  // its retry is counted and named as flaky in the summary (scripts/summarise-tests.mjs), never silently.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'web', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
