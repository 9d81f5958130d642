import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AGENT, someTicket, withDeskEnvironment, withLaunchedDesk } from './desk-app.js';
import { readBundle } from './read-bundle.js';

interface DeskBridge {
  notify(request: { title: string; body: string; route: string }): Promise<void>;
  exportDiagnostics(info: unknown): Promise<unknown>;
}
const desk = () => (window as unknown as { desk: DeskBridge }).desk;

test.describe('native integration', () => {
  test('a clicked notification and the Go menu navigate the window', async () => {
    test.setTimeout(180_000);
    await withDeskEnvironment(async (env) => {
      const ticket = await someTicket(env.server.url);
      await withLaunchedDesk(
        env,
        async (app, page) => {
          // Keep notifications off the test machine's desktop, and keep hold of them to click.
          await app.evaluate(({ Notification }) => {
            const shown: unknown[] = [];
            (globalThis as Record<string, unknown>).__deskNotifications = shown;
            Notification.prototype.show = function (this: unknown) {
              shown.push(this);
            };
          });
          await page.evaluate(
            (route) => desk().notify({ title: 'Assigned to you', body: 'A ticket needs you', route }),
            `/tickets/${ticket.id}`,
          );
          await app.evaluate(() => {
            const [notification] = (globalThis as Record<string, unknown>).__deskNotifications as { emit(event: string): void }[];
            notification.emit('click');
          });
          await expect(page).toHaveURL(new RegExp(`#/tickets/${ticket.id}$`));
          await expect(page.getByTestId('ticket-detail')).toBeVisible();

          await app.evaluate(({ Menu }) => {
            Menu.getApplicationMenu()?.getMenuItemById('go-kb')?.click();
          });
          await expect(page).toHaveURL(/#\/kb$/);
        },
        { signIn: true },
      );
    });
  });

  test('exports a redacted diagnostics bundle, directly and from the Help menu', async () => {
    test.setTimeout(180_000);
    await withDeskEnvironment(async (env) => {
      const ticket = await someTicket(env.server.url);
      const target = join(env.userDataDir, 'diagnostics.tar.gz');
      await withLaunchedDesk(
        env,
        async (app, page) => {
          await app.evaluate(({ dialog }, filePath) => {
            dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
          }, target);

          const fakeJwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
          const info = {
            syncStatus: { pendingSync: 2, lastSyncAt: null, lastError: `401 Bearer ${fakeJwt}` },
            schemaVersions: { tickets: 0 },
          };
          expect(await page.evaluate((arg) => desk().exportDiagnostics(arg), info)).toEqual({ saved: true, path: target });
          const files = readBundle(target)!;
          expect([...files.keys()]).toEqual(expect.arrayContaining(['README.txt', 'diagnostics.json', 'logs/main.log']));
          const summary = JSON.parse(files.get('diagnostics.json')!) as {
            versions: { electron: string };
            syncStatus: { lastError: string };
          };
          expect(summary.versions.electron).toMatch(/^\d+\./);
          expect(summary.syncStatus.lastError).toBe('401 Bearer [redacted]');
          const everything = [...files.values()].join('\n');
          expect(everything).not.toContain(fakeJwt);
          expect(everything).not.toContain(AGENT.password);
          expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/);
          expect(everything).not.toContain(ticket.title);

          // The menu asks the renderer, which adds its own sync status and schema versions.
          await rm(target);
          await app.evaluate(({ Menu }) => {
            Menu.getApplicationMenu()?.getMenuItemById('export-diagnostics')?.click();
          });
          await expect
            .poll(() => existsSync(target) && readBundle(target)?.has('diagnostics.json'), { timeout: 30_000 })
            .toBe(true);
          const fromMenu = JSON.parse(readBundle(target)!.get('diagnostics.json')!) as { schemaVersions: Record<string, number> };
          expect(Object.keys(fromMenu.schemaVersions)).toContain('tickets');
        },
        { signIn: true },
      );
    });
  });
});
