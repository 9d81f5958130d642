import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { PrintPdfDeps } from './print-pdf.js';

/** Glue: the save dialog and webContents.printToPDF of the current window. */
export function electronPrintPdfDeps(currentWindow: () => BrowserWindow | null): PrintPdfDeps {
  const window = (): BrowserWindow => {
    const w = currentWindow();
    if (!w) throw new Error('No window to print');
    return w;
  };
  return {
    async chooseSavePath(defaultName) {
      const result = await dialog.showSaveDialog(window(), {
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    print: (options) => window().webContents.printToPDF({ ...options, pageSize: 'A4' }),
    writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
  };
}
