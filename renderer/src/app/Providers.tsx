import { DEFAULT_THEME, MantineProvider, createTheme } from '@mantine/core';
import type { CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { DeskHubProvider } from '../platform/DeskHubProvider.js';
import { SessionProvider } from './session-context.js';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Shade 8 keeps white-on-primary and primary-on-white text above WCAG AA contrast (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  components: {
    // A badge says a status or a priority: cut to "IN PROGR…" in a narrow table cell or a row of flags, it says
    // nothing. It keeps its full width; the cell or row around it gives way instead.
    Badge: { styles: { root: { minWidth: 'max-content', flexShrink: 0 } } },
  },
});

/** WCAG AA contrast in the light scheme: darker dimmed text, and dark text on every light (tinted) badge. */
const contrastResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(DEFAULT_THEME.colors).map((c) => [`--mantine-color-${c}-light-color`, 'var(--mantine-color-dark-8)']),
    ),
  },
  dark: {},
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastResolver}>
      <Notifications position="bottom-right" />
      <SessionProvider>
        <DeskHubProvider>{children}</DeskHubProvider>
      </SessionProvider>
    </MantineProvider>
  );
}
