import log from 'electron-log/main';
import type { Logger } from './ipc/log.js';

/** electron-log writes to <userData>/logs/main.log. We do not call log.initialize(): the renderer logs through our own validated `log:write` channel. */
log.transports.file.level = 'info';
log.transports.console.level = process.env.DESK_LOG_CONSOLE === '1' ? 'debug' : 'warn';

export const logger: Logger = {
  error: (...parts) => log.error(...parts),
  warn: (...parts) => log.warn(...parts),
  info: (...parts) => log.info(...parts),
  debug: (...parts) => log.debug(...parts),
};

export function catchUnhandledErrors(): void {
  log.errorHandler.startCatching({ showDialog: false });
}
