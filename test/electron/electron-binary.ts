import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * The Electron executable from the `electron` package, or why there is none. Importing the package
 * resolves the binary (and tries to download it when missing); without it, the import throws
 * "Electron failed to install correctly…".
 */
export async function findElectronBinary(): Promise<ElectronBinary> {
  try {
    createRequire(import.meta.url).resolve('electron');
    // The package's main export is the executable path (a string), not the Electron API.
    const { default: path } = (await import('electron')) as unknown as { default: unknown };
    if (typeof path !== 'string' || !existsSync(path)) return { found: false, reason: `no executable at ${String(path)}` };
    return { found: true, path };
  } catch (error) {
    return { found: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Electron needs a display on Linux (run under xvfb-run on CI). */
export function missingDisplay(): string | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no DISPLAY or WAYLAND_DISPLAY: run the Electron tests under xvfb-run';
}
