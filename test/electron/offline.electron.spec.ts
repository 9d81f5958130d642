import { expect, test } from '@playwright/test';
import { withDeskEnvironment, withLaunchedDesk } from './desk-app.js';

test.describe('offline start', () => {
  test('relaunches without the server and still shows the queue from the last session', async () => {
    test.setTimeout(240_000);
    await withDeskEnvironment(async (env) => {
      await withLaunchedDesk(env, () => Promise.resolve(), { signIn: true });
      await env.server.close();

      // Same userData, same (now refused) server URL: the session comes from safeStorage, the queue from IndexedDB.
      await withLaunchedDesk(env, async (_app, page) => {
        await expect(page.getByTestId('ticket-row').first()).toBeVisible({ timeout: 60_000 });
        await expect(page.getByTestId('login-email')).toHaveCount(0);
      });
    });
  });
});
