import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumPath } from '../../../playwright.config.js';
import { startServer } from '../../../server/src/app.js';
import { seedDatabase } from '../../../server/src/seed/index.js';
import { createScratchDatabase } from '../lib/bench-database.js';
import { round } from '../lib/stats.js';

export interface InitialSyncResult {
  initial_sync_docs: number;
  initial_sync_s: number;
  initial_sync_docs_per_s: number;
  raw_dexie_s: number;
  initial_sync_ratio_to_raw: number;
  rxdb_bulk_insert_s: number;
}

/**
 * A fresh Chromium client pulls every ticket from a server holding `docCount` of them, through the real
 * replication (RxDB on Dexie). The ratio compares its rate with the raw baseline measured in the same page:
 * the same pull pages fetched and written with Dexie bulkPut.
 */
export async function benchInitialSync(docCount: number): Promise<InitialSyncResult> {
  await build({ configFile: new URL('../browser/vite.config.ts', import.meta.url).pathname });
  const scratch = await createScratchDatabase('bench_initial_sync');
  const server = await startServer({ port: 0, databaseUrl: scratch.url, staticDir: 'dist/bench-browser', logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const seedStart = performance.now();
    await seedDatabase(server.db, { tickets: docCount, articles: 0 });
    console.log(`  seeded ${docCount} tickets in ${round((performance.now() - seedStart) / 1000, 1)} s`);
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.error('  [page]', m.text());
    });
    page.on('pageerror', (e) => console.error('  [page error]', e.message));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => 'runInitialSyncBench' in window);
    const figures = await page.evaluate(
      ([email, password]) =>
        (
          window as unknown as {
            runInitialSyncBench: (
              e: string,
              p: string,
            ) => Promise<{ syncMs: number; syncedDocs: number; rawMs: number; rawDocs: number; bulkInsertMs: number }>;
          }
        ).runInitialSyncBench(email, password),
      ['admin@example.org', 'demo-pass-2026'] as const,
    );
    if (figures.syncedDocs !== figures.rawDocs || figures.syncedDocs < docCount) {
      throw new Error(`incomplete sync: ${figures.syncedDocs} synced, ${figures.rawDocs} raw, ${docCount} expected`);
    }
    const syncRate = figures.syncedDocs / (figures.syncMs / 1000);
    const rawRate = figures.rawDocs / (figures.rawMs / 1000);
    return {
      initial_sync_docs: figures.syncedDocs,
      initial_sync_s: round(figures.syncMs / 1000, 2),
      initial_sync_docs_per_s: round(syncRate, 0),
      raw_dexie_s: round(figures.rawMs / 1000, 2),
      initial_sync_ratio_to_raw: round(syncRate / rawRate, 3),
      rxdb_bulk_insert_s: round(figures.bulkInsertMs / 1000, 2),
    };
  } finally {
    await browser.close();
    await server.close();
    await scratch.drop();
  }
}
