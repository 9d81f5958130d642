import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import {
  appArgs,
  appEnv,
  buildShell,
  launchDesk,
  requireElectron,
  signIn,
  someTicket,
  startDemoServer,
  tempUserData,
} from './desk-app.js';

test.describe('deep links', () => {
  test('servicedesk://ticket/<number> opens the ticket: open-url, a second launch, and a link that starts the app', async () => {
    test.setTimeout(240_000);
    const binary = requireElectron();
    await buildShell();
    const server = await startDemoServer();
    const userData = await tempUserData();
    try {
      const ticket = await someTicket(server.url);
      const link = `servicedesk://ticket/${ticket.number}`;
      const detail = new RegExp(`#/tickets/${ticket.id}$`);
      const app = await launchDesk(binary, userData.dir, server.url);
      try {
        const page = await app.firstWindow();
        await signIn(page);

        // macOS delivers links as `open-url` on the app.
        await app.evaluate(({ app: electronApp }, url) => {
          electronApp.emit('open-url', { preventDefault: () => undefined }, url);
        }, link);
        await expect(page).toHaveURL(detail);
        await expect(page.getByTestId('ticket-detail')).toBeVisible();

        // Windows and Linux start a second instance with the link; it hands it over and quits.
        await page.evaluate(() => void (location.hash = '#/tickets'));
        await expect(page).not.toHaveURL(detail);
        await promisify(execFile)(binary, appArgs(userData.dir, [link]), { env: appEnv(server.url), timeout: 60_000 });
        await expect(page).toHaveURL(detail);

        // Invalid links are dropped in the main process.
        await page.evaluate(() => void (location.hash = '#/tickets'));
        await app.evaluate(({ app: electronApp }) => {
          electronApp.emit('open-url', { preventDefault: () => undefined }, 'servicedesk://ticket/../../settings');
        });
        await expect(page).toHaveURL(/#\/tickets$/);
      } finally {
        await app.close();
      }

      // A link that launches the app arrives before the renderer subscribes: it is buffered, then delivered.
      const cold = await launchDesk(binary, userData.dir, server.url, [link]);
      try {
        const page = await cold.firstWindow();
        await expect(page).toHaveURL(detail, { timeout: 60_000 });
        await expect(page.getByTestId('ticket-detail')).toBeVisible();
      } finally {
        await cold.close();
      }
    } finally {
      await server.close();
      await userData.remove();
    }
  });
});
