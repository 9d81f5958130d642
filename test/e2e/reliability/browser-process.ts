import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath } from '../../support/chromium-path.js';

/** A Chromium we start ourselves (own process group), so the test can SIGKILL it like a crash, and relaunch it. */
export interface CrashableBrowser {
  browser: Browser;
  pid: number;
  /** SIGKILL to the whole process group (browser, renderers, storage service): nothing gets to flush or close. */
  crash(): Promise<void>;
  close(): Promise<void>;
}

export async function launchCrashable(userDataDir: string): Promise<CrashableBrowser> {
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${text}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => reject(new Error(`Chromium exited before listening:\n${text}`)));
  });
  if (child.pid === undefined) throw new Error('Chromium has no pid');
  const pid = child.pid;
  const browser = await chromium.connectOverCDP(endpoint);
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    browser,
    pid,
    async crash() {
      killGroup('SIGKILL');
      await exited;
    },
    async close() {
      await browser.close().catch(() => undefined);
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
