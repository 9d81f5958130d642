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

export function shouldCheckForUpdates({
  online,
  lastCheckAt,
  now,
  configuredUrl,
  isPackaged,
}: UpdateCheckInputs): UpdateDecision {
  if (!isPackaged) return { check: false, reason: 'not a packaged build' };
  if (!configuredUrl || !/^https?:\/\/[^\s/]+/i.test(configuredUrl)) return { check: false, reason: 'no update URL configured' };
  if (!online) return { check: false, reason: 'offline' };
  // A clock set backwards (lastCheckAt in the future) must not block checks for good.
  if (lastCheckAt != null && lastCheckAt <= now && now - lastCheckAt < UPDATE_CHECK_INTERVAL_MS)
    return { check: false, reason: 'checked recently' };
  return { check: true };
}

/**
 * The `url` of the generic provider in electron-builder's resources/app-update.yml (a flat YAML file), or null.
 * DESK_UPDATE_URL=disabled at build time yields a non-http value here, which turns update checks off.
 */
export function readUpdateUrl(appUpdateYml: string | null): string | null {
  if (appUpdateYml === null || !/^provider:\s*['"]?generic['"]?\s*$/m.test(appUpdateYml)) return null;
  const match = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(appUpdateYml);
  return match && /^https?:\/\//i.test(match[1]) ? match[1] : null;
}
