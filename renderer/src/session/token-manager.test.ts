import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoginResponse } from '@shared';
import type { StoredSession } from './session-store.js';
import { TokenManager } from './token-manager.js';

const user = { id: 'u-1', name: 'Agent', email: 'agent@example.org', role: 'agent' } as LoginResponse['user'];
const session = (over: Partial<StoredSession> = {}): StoredSession => ({
  serverUrl: 'http://sync.test',
  accessToken: 'access-old',
  accessExpiresAt: Date.now() + 3_600_000,
  refreshToken: 'refresh-old',
  user,
  ...over,
});
const refreshed: LoginResponse = { accessToken: 'access-new', expiresIn: 900, refreshToken: 'refresh-new', user };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(
  start: StoredSession,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  reload?: () => Promise<StoredSession | null>,
) {
  const fetchMock = vi.fn(fetchImpl);
  vi.stubGlobal('fetch', fetchMock);
  const persist = vi.fn(() => Promise.resolve());
  const onExpired = vi.fn();
  return { tokens: new TokenManager(start, persist, onExpired, reload), fetchMock, persist, onExpired };
}

describe('TokenManager', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses a valid token without contacting the server', async () => {
    const { tokens, fetchMock } = setup(session(), () => Promise.reject(new Error('no network expected')));
    expect(await tokens.getAccessToken()).toBe('access-old');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('offline with an expired token: keeps the session (no sign-out) and hands out the old token', async () => {
    const { tokens, onExpired } = setup(session({ accessExpiresAt: 0 }), () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await tokens.getAccessToken()).toBe('access-old');
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('refreshes through POST /api/auth/refresh once the network is back, and stores the rotated tokens', async () => {
    let online = false;
    const { tokens, fetchMock, persist } = setup(session({ accessExpiresAt: 0 }), () =>
      online ? Promise.resolve(json(200, refreshed)) : Promise.reject(new TypeError('Failed to fetch')),
    );
    await tokens.getAccessToken();
    online = true;
    expect(await tokens.getAccessToken()).toBe('access-new');
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('http://sync.test/api/auth/refresh');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ refreshToken: 'refresh-old' });
    expect(persist).toHaveBeenCalledWith(expect.objectContaining({ accessToken: 'access-new', refreshToken: 'refresh-new' }));
  });

  it('refreshes after the server refused the token (401 from sync), one request at a time', async () => {
    const { tokens, fetchMock } = setup(session(), () => Promise.resolve(json(200, refreshed)));
    tokens.onAuthError();
    const [a, b] = await Promise.all([tokens.getAccessToken(), tokens.getAccessToken()]);
    expect([a, b]).toEqual(['access-new', 'access-new']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('signs out (once) only when the refresh itself is refused', async () => {
    const { tokens, onExpired } = setup(session({ accessExpiresAt: 0 }), () =>
      Promise.resolve(json(401, { statusCode: 401, error: 'Unauthorized', message: 'unknown refresh token' })),
    );
    expect(await tokens.getAccessToken()).toBeNull();
    expect(await tokens.getAccessToken()).toBeNull();
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(onExpired).toHaveBeenCalledWith('expired');
  });

  it('says the account was deactivated when the refresh is forbidden (403), so the device erases its data', async () => {
    const { tokens, onExpired } = setup(session({ accessExpiresAt: 0 }), () =>
      Promise.resolve(json(403, { statusCode: 403, error: 'Forbidden', message: 'This account is deactivated.' })),
    );
    expect(await tokens.getAccessToken()).toBeNull();
    expect(onExpired).toHaveBeenCalledExactlyOnceWith('deactivated');
  });

  it('keeps the session when the server fails (5xx) while refreshing', async () => {
    const { tokens, onExpired } = setup(session({ accessExpiresAt: 0 }), () => Promise.resolve(json(503, { message: 'down' })));
    expect(await tokens.getAccessToken()).toBe('access-old');
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('adopts a session another tab refreshed instead of signing out', async () => {
    const other = session({ accessToken: 'access-tab2', refreshToken: 'refresh-tab2' });
    const { tokens, onExpired } = setup(
      session({ accessExpiresAt: 0 }),
      () => Promise.resolve(json(401, { message: 'already used' })),
      () => Promise.resolve(other),
    );
    expect(await tokens.getAccessToken()).toBe('access-tab2');
    expect(onExpired).not.toHaveBeenCalled();
  });
});
