import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers, isPermissionAllowed, type PermissionSessionLike } from './permissions.js';

const isApp = (url: string) => url.startsWith('file:///app/');

describe('permissions', () => {
  it('denies by default, even for the app', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'clipboard-read', 'unknown']) {
      expect(isPermissionAllowed(permission, 'file:///app/index.html', isApp)).toBe(false);
    }
  });
  it('allows clipboard writes for app pages only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///app/index.html', isApp)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', isApp)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, isApp)).toBe(false);
  });
  it('installs both the request and the check handler', () => {
    let request: Parameters<PermissionSessionLike['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSessionLike['setPermissionCheckHandler']>[0] | undefined;
    installPermissionHandlers(
      { setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) },
      isApp,
    );
    const callback = vi.fn();
    request!(null, 'media', callback, { requestingUrl: 'file:///app/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!({ getURL: () => 'file:///app/index.html' }, 'clipboard-sanitized-write')).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write')).toBe(false);
  });
});
