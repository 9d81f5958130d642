import { Center, Loader } from '@mantine/core';
import type { ServerUrlSetting } from '@shared/ipc/channels.js';
import { useEffect, useState } from 'react';
import { HashRouter } from 'react-router-dom';
import { LoginPage } from '../features/login/LoginPage.js';
import { SetPasswordPage } from '../features/login/SetPasswordPage.js';
import { SET_PASSWORD_ROUTE } from '@shared';
import { ServerSettingsPage } from '../features/server-settings/ServerSettingsPage.js';
import { isFirstRun, loadServerSetting, serverSettingsAvailable } from '../platform/server-url.js';
import { AppRoutes } from './AppRoutes.js';
import { DatabaseGate } from './DatabaseGate.js';
import { useSession } from './session-context.js';

function Loading() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}

/** The token of an invitation link the console was opened with (`#/set-password?token=…`), or null. */
function invitationToken(): string | null {
  const prefix = `#${SET_PASSWORD_ROUTE}?`;
  if (!location.hash.startsWith(prefix)) return null;
  return new URLSearchParams(location.hash.slice(prefix.length)).get('token');
}

/**
 * Signed out: a set-password page when opened from an invitation link; else the login page, or the server settings
 * on first run (no server chosen yet) and when asked for from the login page. Neither exists when the page comes
 * from the sync server itself.
 */
function SignedOut({ expired, deactivated = false }: { expired: boolean; deactivated?: boolean }) {
  const choosesServer = serverSettingsAvailable();
  const [invitation, setInvitation] = useState(invitationToken);
  const [setting, setSetting] = useState<ServerUrlSetting | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    if (!choosesServer) return undefined;
    let cancelled = false;
    void loadServerSetting().then((loaded) => {
      if (!cancelled) setSetting(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [choosesServer]);

  if (invitation)
    return (
      <SetPasswordPage
        token={invitation}
        onDone={() => {
          // The link's token leaves the address bar (and the history entry) once it has served.
          history.replaceState(null, '', `${location.pathname}${location.search}`);
          setInvitation(null);
        }}
      />
    );
  if (!choosesServer) return <LoginPage expired={expired} deactivated={deactivated} />;
  if (!setting) return <Loading />;
  if (isFirstRun(setting) || settingsOpen)
    return <ServerSettingsPage firstRun={!settingsOpen} initial={setting} onBack={() => setSettingsOpen(false)} />;
  return (
    <LoginPage expired={expired} deactivated={deactivated} server={setting} onServerSettings={() => setSettingsOpen(true)} />
  );
}

/** Signed out: the login page. Signed in: the console on the user's local database (never waiting for the server). */
export function App() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') return <SignedOut expired={state.expired} deactivated={state.deactivated} />;
  return (
    <DatabaseGate key={state.session.user.id} session={state.session}>
      {/* Navigation renders at once: as a transition (React Router's default) a queue click could wait seconds behind
          the first sync's progress updates, while the URL already named the new queue. */}
      <HashRouter useTransitions={false}>
        <AppRoutes />
      </HashRouter>
    </DatabaseGate>
  );
}
