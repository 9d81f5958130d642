import type { LogLevel } from '@shared/ipc/contract.js';
import type { IpcHandlers } from './channels.js';

export type Logger = Record<LogLevel, (...parts: unknown[]) => void>;

/**
 * Neutralises what could forge or corrupt log lines: line breaks become visible `\n`, other control
 * characters become `\u00XX`.
 */
export function sanitizeLogMessage(message: string): string {
  return message
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, (char) => (char === '\t' ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function createLogHandlers(logger: Logger): Pick<IpcHandlers, 'log:write'> {
  return {
    'log:write': (level, message) => {
      logger[level]('[renderer]', sanitizeLogMessage(message));
    },
  };
}
