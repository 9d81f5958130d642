import { readFile, writeFile } from 'node:fs/promises';
import { release } from 'node:os';
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { logFilePaths } from '../logger.js';
import type { DiagnosticsDeps, LogFile } from './export.js';

async function readIfPresent(path: string): Promise<LogFile | null> {
  try {
    return { name: basename(path), content: await readFile(path, 'utf8') };
  } catch {
    return null;
  }
}

/** Glue: the save dialog (looked up at call time, so tests can stub dialog.showSaveDialog), log files and versions. */
export function electronDiagnosticsDeps(currentWindow: () => BrowserWindow | null): DiagnosticsDeps {
  return {
    async chooseSavePath(defaultName) {
      const options = {
        defaultPath: join(app.getPath('downloads'), defaultName),
        filters: [{ name: 'Diagnostics bundle (.tar.gz)', extensions: ['gz'] }],
      };
      const window = currentWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async readLogs() {
      const paths = logFilePaths().flatMap((path) => [path.replace(/\.log$/, '.old.log'), path]);
      return (await Promise.all(paths.map(readIfPresent))).filter((log): log is LogFile => log !== null);
    },
    writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      os: release(),
      platform: process.platform,
      arch: process.arch,
    },
    now: () => new Date(),
  };
}
