import { isAllowedNavigation, type AppLocation } from './app-location.js';
import { externalLinkPolicy } from './external-links.js';

export type NavigationDecision = { action: 'allow' } | { action: 'open-external'; url: string } | { action: 'block' };

/** `will-navigate` / `will-redirect`: app pages load in place, web links go to the browser, the rest is blocked. */
export function decideNavigation(url: string, app: AppLocation): NavigationDecision {
  if (isAllowedNavigation(url, app)) return { action: 'allow' };
  return toExternal(url);
}

/** `window.open` / target=_blank: never a new app window; web links go to the browser. */
export function decideWindowOpen(url: string, app: AppLocation): Exclude<NavigationDecision, { action: 'allow' }> {
  if (isAllowedNavigation(url, app)) return { action: 'block' };
  return toExternal(url);
}

function toExternal(url: string): Exclude<NavigationDecision, { action: 'allow' }> {
  const decision = externalLinkPolicy(url);
  return decision.action === 'open-external' ? decision : { action: 'block' };
}
