import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResponse } from '@shared';
import { build } from 'vite';
import { requireChromium } from '../../support/chromium-path.js';
import { startServer } from '../../../server/src/app.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../server/src/seed/index.js';
import { createScratchDatabase } from '../lib/bench-database.js';
import { round } from '../lib/stats.js';
import { benchTicket } from './console-tickets.js';

export interface ColdStartResult {
  cold_start_ms: number;
  cold_start_runs_ms: number[];
  cold_start_index_complete_ms: number;
  cold_start_local_tickets: number;
  /** Median time of each start-up step (the app's desk:* performance marks), from navigation start. */
  cold_start_steps_ms: Record<string, number>;
  cold_start_method: string;
}

const RUNS = 3;
const PEOPLE = Object.values(DEMO_USERS).map((u) => u.id);

declare global {
  interface Window {
    __firstRowMs?: number;
    __completeMs?: number;
  }
}

/**
 * Cold start of the real console in Chromium with `tickets` tickets on the device: the production build
 * (dist/renderer, built here) served by the sync server on PostgreSQL, the tickets pushed to the server then
 * downloaded by the app's own initial sync into its IndexedDB, exactly as an agent's device gets them. Each run
 * opens a new tab with the stored session and times, from navigation start, the first painted queue row and the
 * moment the queue index has read every local ticket.
 */
export async function benchColdStart(tickets: number): Promise<ColdStartResult> {
  console.log('cold start: building the console (dist/renderer)...');
  await build({ configFile: new URL('../../../renderer/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  const scratch = await createScratchDatabase('bench_console_cold_start');
  const server = await startServer({
    port: 0,
    databaseUrl: scratch.url,
    seedDemo: true,
    staticDir: 'dist/renderer',
    logLevel: 'warn',
  });
  // An on-disk profile, as a desktop user has: IndexedDB is read from disk, not from an off-the-record memory store.
  const profile = mkdtempSync(join(tmpdir(), 'bench-cold-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    locale: 'en-CA',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_USERS.admin.email, password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as LoginResponse;
    const now = Date.now();
    console.log(`cold start: pushing ${tickets} tickets to the server...`);
    for (let start = 0; start < tickets; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, tickets - start) }, (_, k) => {
        const t = benchTicket(start + k, now, 'cold');
        const person = PEOPLE[(start + k) % PEOPLE.length];
        return {
          newDocumentState: {
            ...t,
            assigneeId: t.assigneeId ? person : '',
            callerId: person,
            updatedBy: person,
            _deleted: false,
          },
        };
      });
      const res = await fetch(`${server.url}/api/sync/tickets/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify(rows),
      });
      const conflicts = (await res.json()) as unknown[];
      if (res.status !== 200 || conflicts.length > 0)
        throw new Error(`push failed: ${res.status} ${JSON.stringify(conflicts).slice(0, 300)}`);
    }

    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (window.__firstRowMs === undefined && document.querySelector('[data-testid="ticket-row"]')) {
          window.__firstRowMs = -1;
          // The row is in the DOM; the next frame is when it is on screen.
          requestAnimationFrame(() => (window.__firstRowMs = performance.now()));
        }
        if (window.__completeMs === undefined && document.querySelector('[data-testid="queue-count"][data-complete="true"]')) {
          window.__completeMs = performance.now();
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
    let page = await context.newPage();
    page.on('pageerror', (e) => console.error('  [page error]', e.message));
    await page.goto(server.url);
    await page.getByTestId('login-email').fill(DEMO_USERS.admin.email);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    console.log('cold start: the console downloads the tickets (initial sync)...');
    const syncStart = performance.now();
    await page
      .locator('[data-testid="sync-status"][data-initial-sync="false"][data-online="true"]')
      .waitFor({ timeout: 900_000 });
    await page.goto(`${server.url}/#/tickets`);
    await page.locator('[data-testid="queue-count"][data-complete="true"]').waitFor({ timeout: 120_000 });
    const local = Number(await page.getByTestId('queue-count').getAttribute('data-count'));
    console.log(`  ${local} tickets on the device after ${round((performance.now() - syncStart) / 1000, 1)} s`);
    if (local < tickets) throw new Error(`only ${local} of ${tickets} tickets reached the device`);

    const firstRow: number[] = [];
    const marks: Record<string, number[]> = {};
    const complete: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      await page.close();
      page = await context.newPage();
      await page.goto(`${server.url}/#/tickets`);
      await page.waitForFunction(() => (window.__firstRowMs ?? -1) > 0 && window.__completeMs !== undefined, null, {
        timeout: 120_000,
        polling: 100,
      });
      const [first, done, steps] = await page.evaluate(
        () =>
          [
            window.__firstRowMs ?? NaN,
            window.__completeMs ?? NaN,
            performance
              .getEntriesByType('mark')
              .filter((m) => m.name.startsWith('desk:'))
              .map((m) => [m.name, m.startTime] as const),
          ] as const,
      );
      firstRow.push(first);
      complete.push(done);
      for (const [name, at] of steps) (marks[name] ??= []).push(at);
      console.log(
        `  run ${r + 1}: first row ${round(first)} ms, index complete ${round(done)} ms; ${steps.map(([n, at]) => `${n} ${round(at)}`).join(', ')}`,
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      cold_start_ms: round(median(firstRow)),
      cold_start_runs_ms: firstRow.map((x) => round(x)),
      cold_start_index_complete_ms: round(median(complete)),
      cold_start_local_tickets: local,
      cold_start_steps_ms: Object.fromEntries(Object.entries(marks).map(([name, at]) => [name, round(median(at))])),
      cold_start_method:
        'Chromium with an on-disk profile, production build served by the sync server; tickets synced into IndexedDB by the app; new tab with the stored session: navigation start to the first queue row painted (median of 3)',
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
    await scratch.drop();
  }
}
