/** Update checks run at most this often. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface UpdateCheckInputs {
  online: boolean;
  /** When the last check started (ms since the epoch), if ever. */
  lastCheckAt: number | null | undefined;
  now: number;
  /** The generic provider URL baked in at build time (app-update.yml), if any. */
  configuredUrl: string | null | undefined;
  isPackaged: boolean;
}

export type UpdateDecision = { check: true } | { check: false; reason: string };

/** Why an http:// feed is never used (logged once by the update tick). */
export const INSECURE_UPDATE_URL_REASON =
  'the update URL is not https://, so updates are never checked: build again with DESK_UPDATE_URL=https://…';

/**
 * True for an update feed this app may download installers from: https with a host. Over http anyone on the
 * network path (a café's Wi-Fi, a proxy) could answer with their own "update", which installs on quit. No
 * exception for this computer: updates are only ever checked in packaged builds, which talk to a real feed.
 */
export function isSecureUpdateUrl(url: string): boolean {
  return /^https:\/\/[^\s/]+/i.test(url);
}

export function shouldCheckForUpdates({
  online,
  lastCheckAt,
  now,
  configuredUrl,
  isPackaged,
}: UpdateCheckInputs): UpdateDecision {
  if (!isPackaged) return { check: false, reason: 'not a packaged build' };
  if (!configuredUrl || !/^https?:\/\/[^\s/]+/i.test(configuredUrl)) return { check: false, reason: 'no update URL configured' };
  if (!isSecureUpdateUrl(configuredUrl)) return { check: false, reason: INSECURE_UPDATE_URL_REASON };
  if (!online) return { check: false, reason: 'offline' };
  // A clock set backwards (lastCheckAt in the future) must not block checks for good.
  if (lastCheckAt != null && lastCheckAt <= now && now - lastCheckAt < UPDATE_CHECK_INTERVAL_MS)
    return { check: false, reason: 'checked recently' };
  return { check: true };
}

/**
 * The `url` of the generic provider in electron-builder's resources/app-update.yml (a flat YAML file), or null.
 * DESK_UPDATE_URL=disabled at build time yields a non-http value here, which turns update checks off. An http://
 * URL is returned as written, so that shouldCheckForUpdates can say why it is not used.
 */
export function readUpdateUrl(appUpdateYml: string | null): string | null {
  if (appUpdateYml === null || !/^provider:\s*['"]?generic['"]?\s*$/m.test(appUpdateYml)) return null;
  const match = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(appUpdateYml);
  return match && /^https?:\/\//i.test(match[1]) ? match[1] : null;
}
