import { expect, test } from '@playwright/test';
import { buildShell, launchDesk, requireElectron, signIn, startDemoServer, tempUserData } from './desk-app.js';

test.describe('offline start', () => {
  test('relaunches without the server and still shows the queue from the last session', async () => {
    test.setTimeout(240_000);
    const binary = requireElectron();
    await buildShell();
    const server = await startDemoServer();
    const userData = await tempUserData();
    let serverUp = true;
    try {
      const first = await launchDesk(binary, userData.dir, server.url);
      try {
        await signIn(await first.firstWindow());
      } finally {
        await first.close();
      }
      await server.close();
      serverUp = false;

      // Same userData, same (now refused) server URL: the session comes from safeStorage, the queue from IndexedDB.
      const second = await launchDesk(binary, userData.dir, server.url);
      try {
        const page = await second.firstWindow();
        await expect(page.getByTestId('ticket-row').first()).toBeVisible({ timeout: 60_000 });
        await expect(page.getByTestId('login-email')).toHaveCount(0);
      } finally {
        await second.close();
      }
    } finally {
      if (serverUp) await server.close();
      await userData.remove();
    }
  });
});
