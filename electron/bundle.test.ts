import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);

/** Runs the real build script into a temp folder, then loads the preload the way a sandboxed renderer would. */
describe('electron/build.mjs bundles', () => {
  let outdir: string;
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'desk-electron-build-'));
    await promisify(execFile)(process.execPath, ['electron/build.mjs'], {
      cwd: root,
      env: { ...process.env, DESK_ELECTRON_OUTDIR: outdir },
    });
  });
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it('produces a self-contained preload that only requires electron and exposes window.desk', async () => {
    const code = await readFile(join(outdir, 'preload.cjs'), 'utf8');
    expect(code.length).toBeLessThan(20_000);
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve(args[0] === 'events:subscribe' ? [] : null);
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return electron;
    };
    runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} });
    const desk = exposed.get('desk') as {
      isDesktop: boolean;
      secrets: { get(key: string): Promise<unknown> };
      onDeepLink(callback: (...args: unknown[]) => void): () => void;
    };
    expect([...exposed.keys()]).toEqual(['desk']);
    expect(desk.isDesktop).toBe(true);
    await desk.secrets.get('session');
    const received: unknown[][] = [];
    const stop = desk.onDeepLink((...args) => received.push(args));
    listeners.get('deep-link:open')!({ sender: electron.ipcRenderer }, { kind: 'kb', id: 'kb-1' });
    expect(received).toEqual([[{ kind: 'kb', id: 'kb-1' }]]);
    stop();
    expect(listeners.has('deep-link:open')).toBe(false);
    expect(invoked).toEqual([
      ['secret:get', 'session'],
      ['events:subscribe', 'deep-link:open'],
    ]);
  });

  it('produces a CommonJS main bundle that keeps electron external', async () => {
    const code = await readFile(join(outdir, 'main.cjs'), 'utf8');
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/require\("(zod|electron-log|electron-updater)["/]/);
  });

  it('ships the tray and window icons next to main.cjs', async () => {
    const tray = await readFile(join(outdir, 'tray.png'));
    expect(tray.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([tray.readUInt32BE(16), tray.readUInt32BE(20)]).toEqual([32, 32]);
    expect((await readFile(join(outdir, 'icon.png'))).readUInt32BE(16)).toBe(512);
  });
});
