import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { TicketEvent } from '@shared';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { ApiClient } from '../../server/src/test-support/api-client.js';
import { makeTicket } from '../../server/src/test-support/fixtures.js';
import { seedDatabase } from '../../server/src/seed/index.js';
import { expect, test } from '@playwright/test';
import { launchCrashable, type CrashableBrowser } from './reliability/browser-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles the harness page (the real data layer on Dexie) into a folder the sync server serves. */
async function buildHarness(dir: string): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['test/e2e/reliability/crash-page.ts'],
    outfile: join(dir, 'harness.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    alias: { '@shared': `${ROOT}shared/src` },
    logLevel: 'warning',
  });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>crash harness</title><script type="module" src="./harness.js"></script>',
  );
}

async function openHarness(browser: CrashableBrowser, url: string): Promise<Page> {
  const context = browser.browser.contexts()[0];
  const page = await context.newPage();
  await page.goto(url);
  await expect(page).toHaveTitle('crash harness ready');
  return page;
}

/**
 * A client killed while writing locally (the whole Chromium process group gets SIGKILL in the middle of a stream of
 * IndexedDB writes, offline) reopens with every acknowledged write intact, and the writes it had not pushed are
 * still queued: once online they reach the server.
 */
test('a client killed while writing offline reopens with its local data and pushes its queued changes', async () => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'sd-crash-'));
  const profile = join(dir, 'profile');
  const site = join(dir, 'site');
  let server: RunningServer | undefined;
  let browser: CrashableBrowser | undefined;
  try {
    await buildHarness(site);
    server = await startServer({ port: 0, dataDir: 'memory://', staticDir: site, logLevel: 'warn' });
    await seedDatabase(server.db, { tickets: 0, articles: 0 });
    const api = new ApiClient(server.url);
    const session = await api.login('agent@example.org');
    const [ticket] = await api.create(session.accessToken, 'tickets', [makeTicket({ groupId: 'grp-field' })]);

    // First run: online long enough to pull, then offline, writing until the crash.
    browser = await launchCrashable(profile);
    let page = await openHarness(browser, `${server.url}/index.html`);
    const acknowledged: string[] = [];
    page.on('console', (message) => {
      const match = /^ACK (\S+)$/.exec(message.text());
      if (match) acknowledged.push(match[1]);
    });
    await page.evaluate(() => window.crashHarness.open('crash-db'));
    await page.evaluate(([url, token]) => window.crashHarness.startSync(url, token, true), [server.url, session.accessToken]);
    await expect.poll(() => page.evaluate(() => window.crashHarness.awaitInSync(5000).then((s) => s.inSync))).toBe(true);
    await page.evaluate(() => window.crashHarness.setOnline(false));
    await page.evaluate(([id, actor]) => window.crashHarness.writeLoop(id, actor, 100_000), [ticket.id, session.user.id]);
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(150);
    await browser.crash();
    const seen = [...acknowledged];
    browser = undefined;
    const before = await api.pullAll(session.accessToken, 'ticket_events');
    expect(before.docs.size, 'nothing was pushed while offline').toBe(0);

    // Second run: same profile. The local data is there before any network exchange.
    browser = await launchCrashable(profile);
    page = await openHarness(browser, `${server.url}/index.html`);
    await page.evaluate(() => window.crashHarness.open('crash-db'));
    const local = new Set(await page.evaluate(() => window.crashHarness.localEventIds()));
    const lost = seen.filter((id) => !local.has(id));
    expect(lost, `${lost.length} of ${seen.length} acknowledged local writes are missing after the crash`).toEqual([]);

    // Online again: the queued writes go up, all of them, once.
    await page.evaluate(([url, token]) => window.crashHarness.startSync(url, token, true), [server.url, session.accessToken]);
    await expect
      .poll(() => page.evaluate(() => window.crashHarness.awaitInSync(5000)), { timeout: 60_000 })
      .toMatchObject({ inSync: true, pendingPush: 0 });
    const stored = (await api.pullAll(session.accessToken, 'ticket_events', null, 2000)).docs;
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
    expect(new Set(stored.keys())).toEqual(local);
    const bodies = [...stored.values()].map((e) => (e as unknown as TicketEvent).body);
    expect(new Set(bodies).size, 'no entry was pushed twice').toBe(bodies.length);
    console.log(
      `client crash: ${seen.length} writes acknowledged before SIGKILL, ${local.size} found after relaunch, ${stored.size} pushed`,
    );
  } finally {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }
});
