import { expect, test } from '@playwright/test';
import { signIn, withDeskEnvironment, withLaunchedDesk } from './desk-app.js';

interface DeskWindow {
  desk?: { isDesktop: boolean; appInfo(): Promise<{ shell: string; serverUrl?: string }> };
  require?: unknown;
  process?: unknown;
}

test.describe('desktop shell', () => {
  test('signs in against a real server and shows the ticket queue', async () => {
    test.setTimeout(180_000);
    await withDeskEnvironment((env) =>
      withLaunchedDesk(env, async (_app, page) => {
        // The preload bridge: window.desk only, no Node or IPC primitives, server URL handed over by the main process.
        const info = await page.evaluate(async () => {
          const w = window as unknown as DeskWindow;
          return {
            isDesktop: w.desk?.isDesktop,
            info: await w.desk?.appInfo(),
            require: typeof w.require,
            process: typeof w.process,
          };
        });
        expect(info).toMatchObject({
          isDesktop: true,
          info: { shell: 'electron', serverUrl: env.server.url.replace(/\/$/, '') },
        });
        expect(info).toMatchObject({ require: 'undefined', process: 'undefined' });

        // The CSP set by the main process is in force: no eval.
        const evalResult = await page.evaluate(() => {
          try {
            return String(eval('"allowed"'));
          } catch {
            return 'blocked';
          }
        });
        expect(evalResult).toBe('blocked');

        await signIn(page);
      }),
    );
  });
});
