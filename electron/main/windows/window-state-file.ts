import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { screen, type BrowserWindow } from 'electron';
import { logger } from '../logger.js';
import { debounce } from './debounce.js';
import { parseWindowState, restoreWindowState, serializeWindowState, type RestoredWindow } from './window-state.js';

export const WINDOW_DEFAULTS = { size: { width: 1280, height: 820 }, min: { width: 900, height: 600 } };

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Glue: where to open the window, from userData/window-state.json and the displays present now. Call after `ready`. */
export function loadWindowPlacement(path: string): RestoredWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return restoreWindowState(
    parseWindowState(readText(path)),
    [primary, ...others].map((d) => d.workArea),
    WINDOW_DEFAULTS,
  );
}

/** Glue: saves size, position and maximised state 500 ms after the last move or resize, and on close (synchronously). */
export function trackWindowState(window: BrowserWindow, path: string): void {
  const save = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    try {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, serializeWindowState({ bounds: window.getNormalBounds(), isMaximized: window.isMaximized() }));
      renameSync(temp, path);
    } catch (error) {
      logger.warn('Could not save the window state', error);
    }
  };
  const saver = debounce(save, 500);
  const schedule = () => saver.schedule();
  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => {
    saver.cancel();
    save();
  });
}
