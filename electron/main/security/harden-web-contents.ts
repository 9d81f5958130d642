import { shell, type WebContents } from 'electron';
import { logger } from '../logger.js';
import type { AppLocation } from './app-location.js';
import { decideNavigation, decideWindowOpen } from './navigation.js';

/** Only for URLs that decideNavigation / decideWindowOpen classified as external links (see navigation.ts). */
function openInBrowser(url: string): void {
  shell.openExternal(url).catch((error: unknown) => logger.warn('openExternal failed', error)); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** Glue, applied to every WebContents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, app: AppLocation): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, app);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') openInBrowser(decision.url);
    else logger.warn(`Blocked navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, app).action === 'allow') return;
    event.preventDefault();
    logger.warn(`Blocked redirect to ${event.url}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, app);
    if (decision.action === 'open-external') openInBrowser(decision.url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
