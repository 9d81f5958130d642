import log from 'electron-log/main';
import type { Logger } from './ipc/log.js';

/** Log files rotate at this size: the current file becomes <name>.old.log, so at most twice this per log. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

/**
 * electron-log writes the main process to <logs>/main.log and renderer messages (our validated `log:write`
 * channel, not log.initialize()) to <logs>/renderer.log; <logs> is userData/logs on Windows and Linux.
 */
const rendererLog = log.create({ logId: 'renderer' });
for (const instance of [log, rendererLog]) {
  instance.transports.file.level = 'info';
  instance.transports.file.maxSize = LOG_MAX_BYTES;
  instance.transports.console.level = process.env.DESK_LOG_CONSOLE === '1' ? 'debug' : 'warn';
}
rendererLog.transports.file.fileName = 'renderer.log';

const wrap = (instance: typeof log): Logger => ({
  error: (...parts) => instance.error(...parts),
  warn: (...parts) => instance.warn(...parts),
  info: (...parts) => instance.info(...parts),
  debug: (...parts) => instance.debug(...parts),
});

export const logger: Logger = wrap(log);
export const rendererLogger: Logger = wrap(rendererLog);

/** The current log files (their rotated `.old.log` siblings sit next to them). */
export function logFilePaths(): string[] {
  return [log, rendererLog].map((instance) => instance.transports.file.getFile().path);
}

/** For electron-updater, which logs through an object with info/warn/error/debug. */
export const updaterLogger = log;

export function catchUnhandledErrors(): void {
  log.errorHandler.startCatching({ showDialog: false });
}
