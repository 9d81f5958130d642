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
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve(null);
        },
      },
    };
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return electron;
    };
    runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} });
    const desk = exposed.get('desk') as { isDesktop: boolean; secrets: { get(key: string): Promise<unknown> } };
    expect([...exposed.keys()]).toEqual(['desk']);
    expect(desk.isDesktop).toBe(true);
    await desk.secrets.get('session');
    expect(invoked).toEqual([['secret:get', 'session']]);
  });

  it('produces a CommonJS main bundle that keeps electron external', async () => {
    const code = await readFile(join(outdir, 'main.cjs'), 'utf8');
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/require\("(zod|electron-log)["/]/);
  });
});
