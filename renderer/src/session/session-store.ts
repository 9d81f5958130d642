import type { LoginResponse, SessionUser } from '@shared';
import type { DeskApi } from '@shared/ipc/channels.js';

/** What survives a reload (kept through desk.secrets), so an offline restart stays signed in. */
export interface StoredSession {
  serverUrl: string;
  accessToken: string;
  /** Epoch ms when the access token expires. */
  accessExpiresAt: number;
  refreshToken: string;
  user: SessionUser;
}

export function sessionFromLogin(serverUrl: string, res: LoginResponse, now = Date.now()): StoredSession {
  return {
    serverUrl,
    accessToken: res.accessToken,
    accessExpiresAt: now + res.expiresIn * 1000,
    refreshToken: res.refreshToken,
    user: res.user,
  };
}

function isStoredSession(v: unknown): v is StoredSession {
  const s = v as StoredSession | null;
  return (
    !!s &&
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.user?.id === 'string' &&
    typeof s.serverUrl === 'string'
  );
}

export async function loadSession(desk: DeskApi): Promise<StoredSession | null> {
  const raw = await desk.secrets.get('session');
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isStoredSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(desk: DeskApi, session: StoredSession): Promise<void> {
  return desk.secrets.set('session', JSON.stringify(session));
}

export function clearSession(desk: DeskApi): Promise<void> {
  return desk.secrets.remove('session');
}
