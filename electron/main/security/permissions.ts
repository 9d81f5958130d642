/**
 * Permissions the app's own pages may use; everything else (camera, geolocation, notifications, HID,
 * openExternal from web content…) is denied, and foreign pages get nothing at all.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** The slice of Electron's Session used here. */
export interface PermissionSessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: { getURL(): string } | null, permission: string) => boolean): void;
}

export function installPermissionHandlers(session: PermissionSessionLike, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, isAppUrl));
  });
  session.setPermissionCheckHandler((webContents, permission) =>
    isPermissionAllowed(permission, webContents?.getURL(), isAppUrl),
  );
}
