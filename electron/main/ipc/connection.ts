import type { ServerCheckResult } from '@shared/ipc/contract.js';
import type { ServerUrlState } from '../connection/server-url.js';
import type { IpcHandlers } from './channels.js';

export function createServerHandlers(
  state: ServerUrlState,
  check: (url: string) => Promise<ServerCheckResult>,
  onChange: (url: string) => void,
): Pick<IpcHandlers, 'server:get-url' | 'server:set-url' | 'server:check'> {
  return {
    'server:get-url': () => state.current(),
    'server:set-url': async (url) => {
      const before = state.current().url;
      const setting = await state.set(url);
      if (setting.url !== before) onChange(setting.url);
      return setting;
    },
    'server:check': (url) => check(url),
  };
}
