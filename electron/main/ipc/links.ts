import { externalLinkPolicy } from '../security/external-links.js';
import type { IpcHandlers } from './channels.js';
import { IpcRejectedError } from './validate.js';

export function createLinkHandlers(openExternal: (url: string) => Promise<void>): Pick<IpcHandlers, 'link:open-external'> {
  return {
    'link:open-external': async (url) => {
      const decision = externalLinkPolicy(url);
      if (decision.action !== 'open-external') throw new IpcRejectedError(`Refused to open link: ${decision.reason}`);
      await openExternal(decision.url);
    },
  };
}
