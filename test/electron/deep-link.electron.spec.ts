import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { appArgs, appEnv, someTicket, withDeskEnvironment, withLaunchedDesk } from './desk-app.js';

test.describe('deep links', () => {
  test('servicedesk://ticket/<number> opens the ticket: open-url, a second launch, and a link that starts the app', async () => {
    test.setTimeout(240_000);
    await withDeskEnvironment(async (env) => {
      const ticket = await someTicket(env.server.url);
      const link = `servicedesk://ticket/${ticket.number}`;
      const detail = new RegExp(`#/tickets/${ticket.id}$`);
      await withLaunchedDesk(
        env,
        async (app, page) => {
          // macOS delivers links as `open-url` on the app.
          await app.evaluate(({ app: electronApp }, url) => {
            electronApp.emit('open-url', { preventDefault: () => undefined }, url);
          }, link);
          await expect(page).toHaveURL(detail);
          await expect(page.getByTestId('ticket-detail')).toBeVisible();

          // Windows and Linux start a second instance with the link; it hands it over and quits.
          await page.evaluate(() => void (location.hash = '#/tickets'));
          await expect(page).not.toHaveURL(detail);
          await promisify(execFile)(env.binary, appArgs(env.userDataDir, [link]), {
            env: appEnv(env.server.url),
            timeout: 60_000,
          });
          await expect(page).toHaveURL(detail);

          // Invalid links are dropped in the main process.
          await page.evaluate(() => void (location.hash = '#/tickets'));
          await app.evaluate(({ app: electronApp }) => {
            electronApp.emit('open-url', { preventDefault: () => undefined }, 'servicedesk://ticket/../../settings');
          });
          await expect(page).toHaveURL(/#\/tickets$/);
        },
        { signIn: true },
      );

      // A link that launches the app arrives before the renderer subscribes: it is buffered, then delivered.
      await withLaunchedDesk(
        env,
        async (_app, page) => {
          await expect(page).toHaveURL(detail, { timeout: 60_000 });
          await expect(page.getByTestId('ticket-detail')).toBeVisible();
        },
        { extraArgs: [link] },
      );
    });
  });
});
