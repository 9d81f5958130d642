import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * The Electron executable of the `electron` package, or why there is none. Reads the package's path.txt and
 * dist/ directly: importing the package instead would try to download a missing binary on every run.
 */
export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      found: false,
      reason:
        'the electron package has no binary (run `node node_modules/electron/install.js` where its download host is reachable)',
    };
  const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { found: true, path } : { found: false, reason: `no executable at ${path}` };
}

/** Electron needs a display on Linux (run under xvfb-run on CI). */
export function missingDisplay(): string | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no DISPLAY or WAYLAND_DISPLAY: run the Electron tests under xvfb-run';
}

/** Why the Electron tests cannot run here, or undefined when they can. */
export function electronSkipReason(): string | undefined {
  const binary = findElectronBinary();
  if (!binary.found) return `Electron binary not installed: ${binary.reason}`;
  const noDisplay = missingDisplay();
  return noDisplay ? `Cannot show an Electron window: ${noDisplay}` : undefined;
}
