import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { requireChromium } from '../../support/chromium-path.js';
import { startServer } from '../../../server/src/app.js';
import { seedDatabase } from '../../../server/src/seed/index.js';
import type { InitialSyncBench, Measured } from '../browser/initial-sync-entry.js';
import { createScratchDatabase } from '../lib/bench-database.js';
import { round } from '../lib/stats.js';

export interface InitialSyncResult {
  initial_sync_docs: number;
  initial_sync_s: number;
  initial_sync_docs_per_s: number;
  raw_dexie_s: number;
  initial_sync_ratio_to_raw: number;
  rxdb_bulk_insert_s: number;
  pull_fetch_only_s: number;
  indexeddb_floor_s: number;
  /** Opening the database after the tickets schema v2 -> v3 upgrade, with every ticket on the device. */
  schema_upgrade_s: number;
  initial_sync_storage: string;
}

/**
 * Runs one measurement of the benchmark page in a fresh Chromium with its own on-disk profile, as a desktop user has:
 * no measurement inherits another's IndexedDB data or its compaction work.
 */
async function measureInFreshProfile(url: string, bench: InitialSyncBench): Promise<Measured> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') console.error('  [page]', m.text());
    });
    page.on('pageerror', (e) => console.error('  [page error]', e.message));
    await page.goto(url);
    await page.waitForFunction(() => 'initialSyncBenches' in window);
    const measured = await page.evaluate(
      ([name, email, password]) =>
        (
          window as unknown as {
            initialSyncBenches: Record<string, (e: string, p: string) => Promise<{ ms: number; docs: number }>>;
          }
        ).initialSyncBenches[name](email, password),
      [bench, 'admin@example.org', 'demo-pass-2026'] as const,
    );
    console.log(`  ${bench}: ${measured.docs} docs in ${round(measured.ms / 1000, 2)} s`);
    return measured;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * A fresh Chromium client pulls every ticket from a server holding `docCount` of them, through the real
 * replication (RxDB on Dexie). The ratio compares its rate with the raw baseline: the same pull pages fetched and
 * written with Dexie bulkPut into a table with the same indexes.
 */
export async function benchInitialSync(docCount: number): Promise<InitialSyncResult> {
  await build({ configFile: new URL('../browser/vite.config.ts', import.meta.url).pathname });
  const scratch = await createScratchDatabase('bench_initial_sync');
  const server = await startServer({ port: 0, databaseUrl: scratch.url, staticDir: 'dist/bench-browser', logLevel: 'warn' });
  try {
    const seedStart = performance.now();
    await seedDatabase(server.db, { tickets: docCount, articles: 0 });
    console.log(`  seeded ${docCount} tickets in ${round((performance.now() - seedStart) / 1000, 1)} s`);
    const url = `${server.url}/index.html`;
    const sync = await measureInFreshProfile(url, 'sync');
    const raw = await measureInFreshProfile(url, 'raw');
    const bulk = await measureInFreshProfile(url, 'bulkInsert');
    const fetchOnly = await measureInFreshProfile(url, 'fetchOnly');
    const floor = await measureInFreshProfile(url, 'indexedDbFloor');
    const upgrade = await measureInFreshProfile(url, 'upgrade');
    const counts = [raw, bulk, floor, upgrade].map((m) => m.docs);
    if (sync.docs < docCount || counts.some((n) => n !== sync.docs)) {
      throw new Error(`incomplete sync: ${sync.docs} synced, ${counts.join(', ')} by the others, ${docCount} expected`);
    }
    const syncRate = sync.docs / (sync.ms / 1000);
    const rawRate = raw.docs / (raw.ms / 1000);
    return {
      initial_sync_docs: sync.docs,
      initial_sync_s: round(sync.ms / 1000, 2),
      initial_sync_docs_per_s: round(syncRate, 0),
      raw_dexie_s: round(raw.ms / 1000, 2),
      initial_sync_ratio_to_raw: round(syncRate / rawRate, 3),
      rxdb_bulk_insert_s: round(bulk.ms / 1000, 2),
      pull_fetch_only_s: round(fetchOnly.ms / 1000, 2),
      indexeddb_floor_s: round(floor.ms / 1000, 2),
      schema_upgrade_s: round(upgrade.ms / 1000, 2),
      initial_sync_storage: 'IndexedDB on disk: each measurement in a fresh Chromium profile',
    };
  } finally {
    await server.close();
    await scratch.drop();
  }
}
