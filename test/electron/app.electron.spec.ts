import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, missingDisplay } from './electron-binary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const AGENT = { email: 'agent@example.org', password: 'demo-pass-2026' };

interface DeskWindow {
  desk?: { isDesktop: boolean; appInfo(): Promise<{ shell: string; serverUrl?: string }> };
  require?: unknown;
  process?: unknown;
}

test.describe('desktop shell', () => {
  test('signs in against a real server and shows the ticket queue', async () => {
    test.setTimeout(180_000);
    const binary = await findElectronBinary();
    if (!binary.found) return test.skip(true, `Electron binary not installed: ${binary.reason}`);
    const noDisplay = missingDisplay();
    if (noDisplay) return test.skip(true, `Cannot show an Electron window: ${noDisplay}`);
    expect(existsSync(join(root, 'dist/renderer/index.html')), 'build the renderer first: npm run build:renderer').toBe(true);
    await promisify(execFile)(process.execPath, ['electron/build.mjs'], { cwd: root });

    // Imported here so that a skipped run never loads the server (and its database engine).
    const { startServer } = await import('../../server/src/app.js');
    const server = await startServer({ port: 0, dataDir: 'memory://', seedDemo: true, logLevel: 'warn' });
    const userDataDir = await mkdtemp(join(tmpdir(), 'desk-electron-userdata-'));
    const env: Record<string, string> = { DESK_SERVER_URL: server.url };
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !['ELECTRON_RUN_AS_NODE', 'DESK_RENDERER_URL', 'DESK_SERVER_URL'].includes(key))
        env[key] = value;
    }
    try {
      const app = await electron.launch({
        executablePath: binary.path,
        // `root` holds package.json, whose "main" is dist/electron/main.cjs. Chromium refuses to run as root with its sandbox.
        args: [root, `--user-data-dir=${userDataDir}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env,
        cwd: root,
      });
      try {
        const page = await app.firstWindow();

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
        expect(info).toMatchObject({ isDesktop: true, info: { shell: 'electron', serverUrl: server.url.replace(/\/$/, '') } });
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

        await page.getByTestId('login-email').fill(AGENT.email);
        await page.getByTestId('login-password').fill(AGENT.password);
        await page.getByTestId('login-submit').click();
        await expect(page.getByTestId('ticket-row').first()).toBeVisible({ timeout: 60_000 });
      } finally {
        await app.close();
      }
    } finally {
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
