import { app } from 'electron';
import type { DeepLink } from '@shared/ipc/contract.js';
import type { EventOutbox } from '../events/outbox.js';
import { logger } from '../logger.js';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, describeDeepLink, parseDeepLink } from './parse.js';

/**
 * Glue: servicedesk:// links from every route into the renderer (desk.onDeepLink), buffered by the outbox until
 * it subscribes. Call before `ready`: macOS may deliver `open-url` for the link that launched the app early.
 * - Windows/Linux, first launch: the link is in process.argv.
 * - Windows/Linux, app already running: the second instance quits (single-instance lock) and its argv
 *   arrives here through `second-instance`.
 * - macOS: `open-url`, whether running or not.
 */
export function installDeepLinks(outbox: EventOutbox, showWindow: () => void): void {
  const deliver = (link: DeepLink | null, source: string) => {
    if (!link) {
      logger.warn(`Ignored an invalid deep link (${source})`);
      return;
    }
    logger.info(`Deep link (${source}): ${describeDeepLink(link)}`);
    outbox.emit('deep-link:open', link);
    if (app.isReady()) showWindow();
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(parseDeepLink(url), 'open-url');
  });
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link || argv.some((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`))) deliver(link, 'second instance');
    else if (app.isReady()) showWindow();
  });
  const initial = deepLinkFromArgv(process.argv);
  if (initial) deliver(initial, 'command line');
}

/** Registers the app as the servicedesk:// handler (packaged builds only: a dev build must not take it over). */
export function registerProtocolClient(): void {
  if (!app.isPackaged || app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) return;
  // servicedesk:// links only ever select a route: parse.ts accepts a fixed set of shapes and drops anything else.
  if (!app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) logger.warn('Could not register the servicedesk:// protocol'); // eng-disable PROTOCOL_HANDLER_JS_CHECK
}
