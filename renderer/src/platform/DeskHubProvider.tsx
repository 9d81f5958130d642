import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesk } from './desk.js';
import { DeskHub, connectDesk } from './desk-hub.js';
import { diagnosticsInfo, exportDiagnosticsWithFeedback } from './diagnostics.js';
import { inAppShortcut } from './keyboard.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';

interface DeskHubValue {
  hub: DeskHub;
  openShortcuts: () => void;
}

const DeskHubContext = createContext<DeskHubValue | null>(null);

/** Puts the cursor in the page's search box (inputs marked data-search-shortcut). */
function focusSearch(): boolean {
  const input = [...document.querySelectorAll<HTMLInputElement>('input[data-search-shortcut]')].find(
    (el) => el.offsetParent !== null,
  );
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}

/**
 * For the whole page, signed in or not: listens to the desktop's events (deep links and notification clicks wait
 * here for sign-in), shows the keyboard shortcuts help, handles the console's own keys, and answers menu commands
 * that need no signed-in user (shortcuts; diagnostics without sync details).
 */
export function DeskHubProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const desk = getDesk();
  const [hub] = useState(() => new DeskHub((counts) => desk.setCounts(counts)));
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);

  useEffect(() => connectDesk(desk, hub), [desk, hub]);

  useEffect(
    () =>
      hub.setFallbacks({
        menu(command) {
          if (command === 'show-shortcuts') setShortcutsOpen(true);
          else if (command === 'export-diagnostics') void exportDiagnosticsWithFeedback(desk, diagnosticsInfo(null, 0, {}), t);
          // Navigation and new ticket need a signed-in user: ignored on the login page.
        },
      }),
    [hub, desk, t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = inAppShortcut(event, { isDesktop: desk.isDesktop });
      if (action === 'show-shortcuts') {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (action === 'focus-search' && focusSearch()) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [desk]);

  const value = useMemo(() => ({ hub, openShortcuts }), [hub, openShortcuts]);
  return (
    <DeskHubContext.Provider value={value}>
      {children}
      <ShortcutsDialog opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} isDesktop={desk.isDesktop} />
    </DeskHubContext.Provider>
  );
}

export function useDeskHub(): DeskHubValue {
  const ctx = useContext(DeskHubContext);
  if (!ctx) throw new Error('useDeskHub() outside <DeskHubProvider>');
  return ctx;
}
