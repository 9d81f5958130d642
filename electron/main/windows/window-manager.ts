import type { BrowserWindow } from 'electron';
import type { SendEvent } from '../events/outbox.js';

export interface WindowManager {
  /** Shows and focuses the app window, creating it if there is none (macOS keeps running without one). */
  show(): BrowserWindow;
  current(): BrowserWindow | null;
  /** Sends a main -> renderer event; false when there is no live window. */
  send: SendEvent;
}

export function createWindowManager(create: () => BrowserWindow): WindowManager {
  let window: BrowserWindow | null = null;
  const current = () => (window && !window.isDestroyed() ? window : null);
  return {
    current,
    show() {
      const existing = current();
      if (!existing) {
        const created = create();
        window = created;
        created.on('closed', () => {
          if (window === created) window = null;
        });
        return created;
      }
      if (existing.isMinimized()) existing.restore();
      if (!existing.isVisible()) existing.show();
      existing.focus();
      return existing;
    },
    send(event, payload) {
      const target = current();
      if (!target || target.webContents.isDestroyed()) return false;
      target.webContents.send(event, payload);
      return true;
    },
  };
}
