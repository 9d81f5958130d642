import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { DeskHubProvider } from '../platform/DeskHubProvider.js';
import { SessionProvider } from './session-context.js';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <SessionProvider>
        <DeskHubProvider>{children}</DeskHubProvider>
      </SessionProvider>
    </MantineProvider>
  );
}
