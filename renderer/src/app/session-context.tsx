import type { SessionUser } from '@shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getDesk } from '../platform/desk.js';
import { login } from '../session/auth-api.js';
import { clearSession, loadSession, saveSession, sessionFromLogin } from '../session/session-store.js';
import type { StoredSession } from '../session/session-store.js';

export type SessionState =
  { status: 'loading' } | { status: 'signed-out'; expired: boolean } | { status: 'signed-in'; session: StoredSession };

interface SessionApi {
  state: SessionState;
  signIn: (serverUrl: string, email: string, password: string) => Promise<void>;
  signOut: (expired?: boolean) => Promise<void>;
  /** Stores a refreshed session without re-rendering the app. */
  persist: (session: StoredSession) => Promise<void>;
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
  const signOut = useCallback(
    async (expired = false) => {
      await clearSession(desk);
      setState({ status: 'signed-out', expired });
    },
    [desk],
  );
  const persist = useCallback((session: StoredSession) => saveSession(desk, session), [desk]);
  const api = useMemo(() => ({ state, signIn, signOut, persist }), [state, signIn, signOut, persist]);
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
