import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
type AfterPack = ((context: PackContext, loadFuses?: () => Promise<unknown>) => Promise<void>) & {
  default: unknown;
  FUSES: Record<string, boolean>;
  electronBinaryPath(context: PackContext): string;
};

const afterPack = createRequire(import.meta.url)('../../build/after-pack.cjs') as AfterPack;
const context = (platform: string): PackContext => ({
  appOutDir: '/out/unpacked',
  electronPlatformName: platform,
  packager: { appInfo: { productFilename: 'Service Desk' }, executableName: 'servicedesk' },
});

describe('build/after-pack.cjs', () => {
  it('exports the hook the way electron-builder loads it', () => {
    expect(afterPack.default).toBe(afterPack);
  });

  it('finds the Electron binary on each platform', () => {
    expect(afterPack.electronBinaryPath(context('linux'))).toBe(join('/out/unpacked', 'servicedesk'));
    expect(afterPack.electronBinaryPath(context('win32'))).toBe(join('/out/unpacked', 'Service Desk.exe'));
    expect(afterPack.electronBinaryPath(context('darwin'))).toBe(join('/out/unpacked', 'Service Desk.app'));
  });

  it('flips exactly the hardening fuses', async () => {
    const flipFuses = vi.fn(() => Promise.resolve(1));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack(context('darwin'), () => Promise.resolve({ FuseVersion, FuseV1Options, flipFuses }));
    log.mockRestore();
    expect(flipFuses).toHaveBeenCalledWith(join('/out/unpacked', 'Service Desk.app'), {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('imports the real @electron/fuses by default (which refuses a binary without a fuse wire)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-fuses-'));
    try {
      await writeFile(join(dir, 'servicedesk'), 'not electron');
      await expect(afterPack({ ...context('linux'), appOutDir: dir })).rejects.toThrow('Could not find sentinel');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
