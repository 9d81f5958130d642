import type { SessionUser } from '@shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getDesk } from '../platform/desk.js';
import { login, logout } from '../session/auth-api.js';
import { clearSession, loadSession, saveSession, sessionFromLogin } from '../session/session-store.js';
import type { StoredSession } from '../session/session-store.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean; deactivated?: boolean }
  | { status: 'signed-in'; session: StoredSession };

interface SessionApi {
  state: SessionState;
  signIn: (serverUrl: string, email: string, password: string) => Promise<void>;
  /**
   * Signs out and keeps this device's data (the local database, unsent changes) for the next sign-in. `expired`:
   * the server refused the session, so the login page says why.
   */
  signOut: (expired?: boolean) => Promise<void>;
  /**
   * Signs out and erases this device's data: `eraseDatabase` (stop replication, remove the local database), then the
   * stored session, then on the desktop everything the window stored (desk.clearLocalData); then reloads.
   */
  signOutAndErase: (eraseDatabase: () => Promise<void>) => Promise<void>;
  /**
   * The account was deactivated: `eraseDatabase`, then the stored session and the window's data, and the login page
   * says why. Nothing the account could see stays on the device (issue 15, item 9).
   */
  endDeactivated: (eraseDatabase: () => Promise<void>) => Promise<void>;
  /** Stores a refreshed session without re-rendering the app. */
  persist: (session: StoredSession) => Promise<void>;
  /** The stored session (another tab may have refreshed it). */
  reload: () => Promise<StoredSession | null>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const desk = getDesk();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void loadSession(desk).then((session) => {
      if (!cancelled) setState(session ? { status: 'signed-in', session } : { status: 'signed-out', expired: false });
    });
    return () => {
      cancelled = true;
    };
  }, [desk]);

  const signIn = useCallback(
    async (serverUrl: string, email: string, password: string) => {
      const session = sessionFromLogin(serverUrl, await login(serverUrl, email, password));
      await saveSession(desk, session);
      setState({ status: 'signed-in', session });
    },
    [desk],
  );
  /** Revokes the latest refresh token on the server when it can be reached; never waits long, never fails. */
  const revoke = useCallback(async () => {
    const stored = await loadSession(desk).catch(() => null);
    if (stored) await logout(stored.serverUrl, stored.refreshToken);
  }, [desk]);
  const signOut = useCallback(
    async (expired = false) => {
      if (!expired) await revoke();
      await clearSession(desk);
      setState({ status: 'signed-out', expired });
    },
    [desk, revoke],
  );
  const signOutAndErase = useCallback(
    async (eraseDatabase: () => Promise<void>) => {
      await eraseDatabase();
      await revoke();
      await clearSession(desk);
      if (desk.clearLocalData) await desk.clearLocalData();
      location.reload();
    },
    [desk, revoke],
  );
  const endDeactivated = useCallback(
    async (eraseDatabase: () => Promise<void>) => {
      await eraseDatabase().catch((err: unknown) => getDesk().log('error', `Could not erase the local database: ${String(err)}`));
      await clearSession(desk);
      if (desk.clearLocalData) await desk.clearLocalData();
      setState({ status: 'signed-out', expired: false, deactivated: true });
    },
    [desk],
  );
  const persist = useCallback((session: StoredSession) => saveSession(desk, session), [desk]);
  const reload = useCallback(() => loadSession(desk), [desk]);
  const api = useMemo(
    () => ({ state, signIn, signOut, signOutAndErase, endDeactivated, persist, reload }),
    [state, signIn, signOut, signOutAndErase, endDeactivated, persist, reload],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession() outside <SessionProvider>');
  return ctx;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useCurrentUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser() while signed out');
  return state.session.user;
}
