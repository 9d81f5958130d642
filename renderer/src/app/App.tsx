import { Center, Loader } from '@mantine/core';
import { HashRouter } from 'react-router-dom';
import { LoginPage } from '../features/login/LoginPage.js';
import { AppRoutes } from './AppRoutes.js';
import { DatabaseGate } from './DatabaseGate.js';
import { useSession } from './session-context.js';

/** Signed out: the login page. Signed in: the console on the user's local database. */
export function App() {
  const { state } = useSession();
  if (state.status === 'loading') {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (state.status === 'signed-out') return <LoginPage expired={state.expired} />;
  return (
    <DatabaseGate key={state.session.user.id} session={state.session}>
      <HashRouter>
        <AppRoutes />
      </HashRouter>
    </DatabaseGate>
  );
}
